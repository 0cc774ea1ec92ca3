"""Self-check for 桂工美职改【2017】4号, the 2017 Guangxi 工艺美术 title review.

>>> from checker import evaluate
>>> evaluate({"civil_servant": True}).verdict
'ineligible'

Runs unchanged in CPython 3.11+ and in Pyodide: standard library only.
"""

from .answers import AnswerError, applicable, validate
from .engine import evaluate
from .questions import QUESTIONS, questions_json
from .result import Answer, ChecklistItem, DateItem, Finding, Result, Step

__all__ = [
    "Answer",
    "AnswerError",
    "ChecklistItem",
    "DateItem",
    "Finding",
    "QUESTIONS",
    "Result",
    "Step",
    "applicable",
    "evaluate",
    "questions_json",
    "validate",
]
__version__ = "2017.4.0"
