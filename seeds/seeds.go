// Package seeds embeds the sample document pqtrack analyses when it is given
// no file: written questions of the Flemish Parliament on the 2023 budget for
// equal opportunities, civic integration and integration, with the
// minister's answers (grouped layout).
package seeds

import _ "embed"

// Name is the file name of the default document.
const Name = "vlaams-parlement-2023-gelijke-kansen-inburgering.txt"

// Default is the text of the default document.
//
//go:embed vlaams-parlement-2023-gelijke-kansen-inburgering.txt
var Default []byte
