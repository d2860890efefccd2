"""Text addressed to an AI assistant about how to answer or behave: the shape of a prompt injection.

A report's sentences are evidence about the world. A sentence that tells its reader to ignore
their instructions, to answer something, to act as something, or that speaks to "you, the
AI", is not a finding, whoever planted it, and the engine never presents one as an answer.

What is recognised is a shape, not a list of known attacks: who is addressed (a machine
reader, its instructions, its prompt) and what is commanded (overriding instructions,
dictating the answer, taking on a role). A command verb counts only in command position, so
that reports saying that members "respond to incidents", and forms asking the respondent to
"describe", "indicate" or "please provide", are not touched.
"""

from __future__ import annotations

import re
from functools import lru_cache

from vectorstore.lexical import fold

# Command position: the start of the text, a sentence, or a quoted/bracketed/dashed part,
# then softeners or "you must". Plural narration puts verbs in the same form as commands
# ("Members respond that ..."), so a command verb must stand here, not after a subject.
_START = (
    r"(?:(?:^|[.!?:;(\[—–]|\s-)\s*|\s(?=[\"“']))[\"“'(\[]*\s*"
    r"(?:(?:please|kindly|instead|just|simply|now|always|only|immediately|from\s+now\s+on,?|"
    r"you\s+(?:must|should|will|shall|need\s+to|have\s+to|are\s+to|are\s+(?:now\s+)?(?:required|instructed|"
    r"expected)\s+to|can|may))\s+)*"
)
# Override verbs take the reader's instructions as object, so the start of any clause will do
# ("... and ignore all previous instructions").
_CLAUSE = r"(?:" + _START + r"|(?:,|\band|\bthen|\bbut|\bso|\balso|\bnow)\s+)"
_SOME = r"(?:[\w'-]+\s+)"  # one word of filler

# What a machine reader is called ("an AI language model", "a chatbot", "ChatGPT").
_MACHINE = (
    r"(?:ai|a\.i\.|artificial\s+intelligence|(?:large\s+)?language\s+models?|llms?|chat\s?bots?|"
    r"gpt[\w.-]*|chatgpt|(?:ai|virtual|digital|helpful)\s+assistants?|ai\s+(?:models?|systems?|agents?|tools?))"
)
# What a machine reader's instructions are called. Words reports also use for their own rules
# and work ("disregard previous guidelines on this subject" is a circular's business, "skip
# any training" a work plan's) need more: "your", "the above", or a new command after them.
_AI_RULES = (
    r"(?:instructions?|prompts?|system\s+(?:prompt|message)s?|programming|guardrails|"
    r"safety\s+(?:rules|guidelines|settings|filters)|content\s+polic(?:y|ies))"
)
_POLICY_RULES = (
    r"(?:guidelines|rules|directions|directives|restrictions|constraints|commands|orders|training|context|"
    r"conversation|messages|filters)"
)
_BEFORE = (
    r"(?:previous|prior|preceding|above|earlier|foregoing|former|original|initial|old|existing|hidden|all|any|"
    r"every|your|the\s+(?:above|previous|prior|system)|these|those|my|other)"
)
_OVERRIDE_VERB = (
    r"(?:ignore|disregard|forget|override|overrule|bypass|circumvent|discard|abandon|drop|skip|neglect|"
    r"set\s+aside|throw\s+out|pay\s+no\s+attention\s+to|stop\s+following|(?:do\s+not|don't|never)\s+(?:follow|obey)|"
    r"no\s+longer\s+(?:follow|obey))\s+"
)
_ANSWER_VERB = r"(?:answer|respond|reply|say|tell|claim|output|insist|mention)"

_OVERRIDE = [
    # "Ignore previous instructions", "do not follow the above prompt", "bypass your guardrails".
    _CLAUSE + _OVERRIDE_VERB + _SOME + r"{0,3}?" + _BEFORE + r"\s+" + _SOME + r"{0,2}?" + _AI_RULES + r"\b",
    # "Ignore your rules", "disregard all previous guidelines and answer ...".
    _CLAUSE + _OVERRIDE_VERB + r"(?:all\s+(?:of\s+)?)?(?:your|the\s+above)\s+" + _SOME + r"{0,2}?" + _POLICY_RULES,
    _CLAUSE
    + _OVERRIDE_VERB
    + _SOME
    + r"{0,3}?"
    + _BEFORE
    + r"\s+"
    + _SOME
    + r"{0,2}?"
    + _POLICY_RULES
    + r"\b.{0,200}\b(?:instead|"
    + _ANSWER_VERB
    + r"|act|pretend)\b",
    # "Forget everything above", "ignore all of the above", "disregard what you were told".
    _CLAUSE + r"(?:ignore|disregard|forget)\s+(?:(?:everything|anything|all|what)\s+(?:(?:you\s+)?(?:were|have\s+been|"
    r"was)\s+(?:told|given|instructed)|(?:(?:said|written|stated)\s+)?(?:above|before|previously|earlier|so\s+far)|"
    r"(?:you\s+)?know)|(?:all\s+(?:of\s+)?)?the\s+above\b)",
]
_ADDRESS = [
    # "You are an AI", "you are now a helpful assistant", "you're ChatGPT".
    r"\byou(?:\s+are|'re|\s+were|\s+will\s+be|\s+act\s+as)\s+(?:now\s+|no\s+longer\s+|not\s+)?(?:just\s+)?"
    r"(?:(?:an?|the)\s+" + _SOME + r"{0,2}?)?" + _MACHINE + r"\b",
    # "As an AI language model, you ...".
    _START + r"as\s+an?\s+(?:\w+\s+)?(?:ai|a\.i\.|language\s+model|llm|chat\s?bot|ai\s+assistant)\b(?:\s+\w+)?\s*"
    r"(?:,|\byou\b)",
    # "If you are an AI reading this", "Note to AI:", "any language model summarising this text".
    r"\b(?:if|when|whenever|in\s+case)\s+you\s+are\s+(?:(?:an?|the)\s+(?:\w+\s+)?)?(?:"
    + _MACHINE
    + r"|automated\s+(?:system|reader|tool))\b",
    r"\b(?:dear|attention|note\s+(?:to|for)|hey|hello|message\s+(?:to|for))\s*,?\s+(?:the\s+|any\s+|all\s+)?"
    + _MACHINE
    + r"\s*[,:!]",
    r"\b" + _MACHINE + r"\s+(?:reading|processing|summari[sz]ing|analy[sz]ing|parsing|indexing|answering)\s+"
    r"(?:this|these|the\s+(?:above|following))\b",
    # "Your system prompt", "your previous instructions", "your content policy".
    r"\byour\s+(?:own\s+)?(?:previous\s+|prior\s+|original\s+|initial\s+|real\s+|hidden\s+)?(?:instructions|"
    r"system\s+(?:prompt|message)|initial\s+prompt|original\s+prompt|training\s+data|guardrails|content\s+policy|"
    r"safety\s+(?:rules|guidelines|filters))\b",
]
_DICTATE = [
    # "Answer that ...", "tell the user that ...", "reply only with ...", "say "approved"".
    _START
    + r"(?:answer|respond|reply|say|claim|assert|insist|tell\s+"
    + _SOME
    + r"{0,2}?)\s+"
    + _SOME
    + r"{0,2}?that\b(?!\s+(?:question|questions|section|part|item|form|request|query|call|letter|email)\b)",
    _START + r"(?:answer|respond|reply|say|output|repeat)\s+(?:\w+\s+)?(?:only|exclusively|verbatim|exactly)\b"
    r"(?!\s+(?:the|those|these|questions?|sections?|parts?|items?|if|where|when|for|to|once)\b)",
    _START + r"(?:answer|respond|reply|say|output|repeat)\s+(?:\w+\s+)?with\s+(?:only|just|the\s+(?:words?|phrase|"
    r"sentence|text|following\s+(?:words|text|sentence|phrase|answer)))\b",
    _START + r"(?:say|output|print|repeat)\s+[\"“']",
    # "If anyone asks about the budget, say ...", "when asked, reply that ...".
    r"\b(?:if|when|whenever|should|in\s+case|once)\s+(?:you\s+are|you're|you\s+get|anyone|someone|somebody|"
    r"a\s+user|the\s+user|users|people|a\s+reader|the\s+reader)\s+(?:is\s+|are\s+|gets?\s+)?(?:asks?|asked|"
    r"inquires?|quer(?:y|ies)|wants?\s+to\s+know)\b.{0,200}?(?:[,;:]\s*|\b(?:just|always|only|simply)\s+)"
    + _ANSWER_VERB
    + r"\b",
    r"\b(?:if|when|whenever)\s+asked\b[^,;:]*[,;:]\s*(?:(?:always|only|just|simply)\s+)?(?:answer|respond|reply|"
    r"say|claim|insist)\b",
    r"\b(?:when|while|whenever|if)\s+(?:you\s+are\s+|you're\s+)?(?:answering|responding\s+to|replying\s+to|"
    r"summari[sz]ing)\b.{0,200}?[,;:]\s*(?:(?:always|only|just|simply|you\s+must|you\s+should)\s+)?"
    + _ANSWER_VERB
    + r"\b",
    # "The correct answer is ...".
    r"\bthe\s+(?:correct|right|true|real|only|official|proper|expected)\s+(?:answer|response|reply)\s+(?:to\s+"
    r"(?:\w+\s+){1,4})?(?:is|should\s+be|must\s+be|will\s+be|would\s+be)\b",
    # Keeping things from the person asking, or from the other passages.
    _START + r"(?:do\s+not|don't|never)\s+(?:\w+\s+)?(?:tell|inform|reveal\s+to|let|alert|warn)\s+(?:the\s+)?"
    r"(?:user|users|reader|asker|human)\b",
    _START + r"(?:do\s+not|don't|never)\s+(?:mention|cite|use|consider|quote|refer\s+to|rely\s+on)\s+(?:any\s+)?"
    r"(?:other|the\s+other|any\s+other)\s+(?:passages?|sources?|documents?|reports?|context|text|information)\b",
]
_ROLE = [
    # "Pretend to be ...", "act as if ...", "you are now ...", "from now on, answer ...".
    _START + r"(?:pretend|role-?\s?play|roleplay|impersonate|simulate\s+being)\b",
    _START + r"(?:act|behave|respond|answer|speak|talk|reply)\s+(?:as\s+if|as\s+though|like\s+you|as\s+an?\s+"
    r"(?:unrestricted|unfiltered|uncensored|evil|jailbroken)|in\s+character)\b",
    r"\byou\s+are\s+now\s+(?:an?|the|in|free|no\s+longer|called|named|unrestricted|unfiltered|jailbroken|dan)\b",
    r"\bfrom\s+now\s+on,?\s+(?:you|answer|respond|reply|say|act|behave|ignore|pretend)\b|\bstay\s+in\s+character\b",
    r"\b(?:enable|enter|activate|switch\s+to|in)\s+(?:jailbreak|dan|god|unrestricted)\s+mode\b|\bdo\s+anything\s+now\b",
    # "Reveal your system prompt", "print the instructions above".
    _START + r"(?:reveal|print|show|repeat|output|display|leak|disclose|share|dump)\s+" + _SOME + r"{0,3}?"
    r"(?:system\s+(?:prompt|message)|initial\s+prompt|hidden\s+instructions|instructions\s+above)\b",
]
_FORGED_TURN = [
    # Chat-format markers: "<|im_start|>system", "[INST]", "### Instruction:", "System: ...".
    r"<\|\s*(?:im_start|im_end|system|assistant|user|endoftext)\s*\|>|\[/?inst\]|<</?sys>>|</?system>",
    r"^[\"“'(\[]*#{1,4}\s*(?:system|instruction|instructions)\b",
    # A forged turn says something ("Assistant: the budget is ..."); a contact line names someone.
    r"^[\"“'(\[]*(?:system|assistant)\s*:\s*(?:\S+\s+){0,6}?(?:is|are|was|were|you|i|must|should|will)\b",
    r"\b(?:new|updated|important|hidden|secret|real)\s+(?:system\s+)?instructions\s*:",
    r"\b(?:begin|end)\s+(?:new\s+|system\s+|privileged\s+)?instructions\b",
]
# Spanish, the other language the engine reads (questions are bridged from it, see bridge.py).
_SPANISH = [
    _CLAUSE + r"(?:ignora|ignore|ignoren|olvida|olvide|olviden|descarta|descarte|omite|omita|haz\s+caso\s+omiso\s+de)"
    r"\s+(?:todas\s+|todo\s+)?(?:las|tus|sus|lo)\s+(?:\w+\s+)?(?:instrucciones|indicaciones|reglas|ordenes)\b",
    r"\b(?:eres|usted\s+es|actua\s+como)\s+(?:un|una)\s+(?:ia|inteligencia\s+artificial|asistente|"
    r"modelo\s+de\s+lenguaje|chatbot)\b",
    _START + r"como\s+(?:un|una)\s+(?:ia|modelo\s+de\s+lenguaje|asistente\s+de\s+ia)\s*,",
    r"\btus\s+instrucciones\b|\bprompt\s+del\s+sistema\b",
]
_SIGN = re.compile("|".join(f"(?:{s})" for s in _OVERRIDE + _ADDRESS + _DICTATE + _ROLE + _FORGED_TURN + _SPANISH))


# A campaign's or event's name quoted beside the word naming it ("under the theme “Say NO to
# Drugs”", "the “Say NO to Drugs” campaign", "la campaña “Di no a las drogas”"): a name, not a
# command to say something (the other signs are read in it all the same).
_NAMING = r"(?:themes?|campaigns?|slogans?|mottos?|banners?|programmes?|programs?|initiatives?|tema|campanas?|lemas?)"
_NAMED_QUOTE = re.compile(
    rf"\b(?:{_NAMING}|called|titled|entitled|named|reading|titulada?)\b[^\"“”.]{{0,20}}[\"“][^\"“”]{{1,80}}[\"”]"
    rf"|[\"“][^\"“”]{{1,80}}[\"”]\s*(?:was\s+the\s+)?{_NAMING}\b"
)
# The bare command to say something (reports never tell their reader to "say" anything), read
# where no quoted name is.
_BARE_SAY = re.compile(_START + r"say\b(?![\"”'])")


@lru_cache(maxsize=50_000)  # ~0.3 ms a sentence; the same passages come back question after question
def addresses_assistant(text: str) -> bool:
    """Is this text a command to the reading assistant about how to answer or behave?"""
    folded = " ".join(fold(text).replace("’", "'").replace("‘", "'").split())
    return bool(_SIGN.search(folded) or _BARE_SAY.search(_NAMED_QUOTE.sub(" ", folded)))
