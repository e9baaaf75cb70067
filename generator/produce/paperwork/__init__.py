"""The teams' and agencies' paperwork filled from data (founding decisions, meeting minutes
forms, bloc member lists, agencies' weekend plans and report forms): neutral official
documents that `produce.docx` lays out as Word and PDF files. They name people: made for the
internal edition only."""
