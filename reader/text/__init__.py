"""News-text knowledge shared by the library and the analysis, each piece defined once:
unsafe characters, quotation marks and quote spans, datelines, bylines and credit lines,
and speech verbs."""
