"""Personalised prompts: rule packs, sandboxed templates and live cues (no Qt, no database).

Typical use, from a service::

    pack_set = load_packs(None, site_pack_paths)          # PackError: keep the previous pack set
    context = build_context(caller, history, vulnerabilities, contacts, channel=Channel.PHONE,
                            now=clock.now(), caller_tz="Europe/London", note=note, cues=pack_set.cues)
    prompts = evaluate(pack_set, context)

The pack format, the condition language and the context fields are documented in docs/prompt-packs.md.
"""

from cxassist.prompts.conditions import COMBINATORS, OPERATORS, Condition, compile_condition
from cxassist.prompts.context import PromptContext, build_context
from cxassist.prompts.cues import NOTE_WINDOW, REPETITION, CueBook, NoteAnalysis
from cxassist.prompts.engine import DroppedPrompt, Evaluation, Prompt, evaluate, evaluate_report
from cxassist.prompts.pack import load_pack, load_pack_text, validate_pack_file, validate_pack_text
from cxassist.prompts.packset import PackSet, default_pack_path, load_default_pack, load_packs
from cxassist.prompts.rules import CATEGORIES, OFFERS, Pack, PackError, PackProblem, Rule
from cxassist.prompts.sandbox import FILTERS
from cxassist.prompts.schema import FIELDS, FieldSpec
from cxassist.prompts.templates import RenderError

__all__ = [
    "CATEGORIES",
    "COMBINATORS",
    "FIELDS",
    "FILTERS",
    "NOTE_WINDOW",
    "OFFERS",
    "OPERATORS",
    "REPETITION",
    "Condition",
    "CueBook",
    "DroppedPrompt",
    "Evaluation",
    "FieldSpec",
    "NoteAnalysis",
    "Pack",
    "PackError",
    "PackProblem",
    "PackSet",
    "Prompt",
    "PromptContext",
    "RenderError",
    "Rule",
    "build_context",
    "compile_condition",
    "default_pack_path",
    "evaluate",
    "evaluate_report",
    "load_default_pack",
    "load_pack",
    "load_pack_text",
    "load_packs",
    "validate_pack_file",
    "validate_pack_text",
]
