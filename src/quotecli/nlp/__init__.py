"""spaCy side of quotecli: model loading and the `quotecli` pipeline component.

Importing this package imports spaCy; the CLI imports it lazily, only when it must extract.
"""
