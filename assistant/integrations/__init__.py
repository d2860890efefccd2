"""ReportQA inside other frameworks."""
