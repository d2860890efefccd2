"""The LLM reader: a chat model writes the answer from numbered passages, and every sentence it
writes is checked against the passages it cites before anyone sees it.

The extractive answer is always computed first (it costs tens of milliseconds): it is the
fallback when the model is unreachable, too slow or returns nothing usable, and its related
passages go with a decline.
"""

from __future__ import annotations

import queue
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from assistant.answer.compose import RELATED_NOTE, citation, join_pieces, piece_separator
from assistant.answer.units import split_chunk
from assistant.llm.verify import Claim, Verified, sentences, verify
from assistant.types import Answer, Citation, Hit
from vectorstore.lexical import tokenize

DECLINE_TEXT = "The indexed reports do not say this."
CHARS_PER_TOKEN = 3.5  # a conservative estimate for English report text
PROMPT_OVERHEAD_TOKENS = 350  # the rules and the question around the passages
_FENCE = re.compile(r"</?passage\b", re.I)


class LLMFailure(Exception):
    """The model could not give an answer: unreachable, too slow, or nothing usable came back."""


@dataclass(frozen=True)
class Passage:
    n: int
    hit: Hit
    text: str  # the chunk's text, cut to the prompt budget


def passages_from(hits: Sequence[Hit], context_tokens: int, max_tokens: int) -> list[Passage]:
    """The retrieved chunks as numbered passages, cut so the prompt fits the model's context.
    Text addressed to an AI reader ("ignore previous instructions ...") never reaches the model."""
    budget = int((context_tokens - max_tokens - PROMPT_OVERHEAD_TOKENS) * CHARS_PER_TOKEN)
    each = max(300, budget // max(1, len(hits)))
    return [Passage(n, h, evidence_text(h.chunk.text)[:each]) for n, h in enumerate(hits, start=1)]


def evidence_text(chunk_text: str) -> str:
    """The chunk without its units that address the assistant (and their paragraph or list)."""
    units = split_chunk(chunk_text, 0, 0)
    if not any(u.instruction for u in units):
        return chunk_text
    return "\n".join(u.text for u in units if not u.instruction)


def render_passages(passages: Sequence[Passage]) -> str:
    """Passages fenced as quoted data; a report cannot close the fence and speak as the user."""
    blocks = []
    for p in passages:
        c = p.hit.chunk
        where = f'report="{_attr(c.title)}" page="{c.page_start or ""}" section="{_attr(c.section or "")}"'
        blocks.append(f'<passage n="{p.n}" {where}>\n{_FENCE.sub("(passage", p.text)}\n</passage>')
    return "\n".join(blocks)


def _attr(text: str) -> str:
    return text.replace('"', "'").replace("\n", " ")[:160]


class LLMReader:
    """A LangChain chat model and the prompts it answers with."""

    def __init__(
        self, chat_model, label: str, max_chars: int, timeout_s: float, context_tokens: int, max_tokens: int
    ) -> None:
        from prompts import chat_prompt

        self.chat_model = chat_model
        self.label = label
        self.max_chars = max_chars
        self.timeout_s = timeout_s
        self.context_tokens = context_tokens
        self.max_tokens = max_tokens
        self.answer_prompt = chat_prompt("answer_system", "answer")

    def rewrite(self, question: str, history: Sequence[str]) -> str:
        """A follow-up as a standalone question (the model's words, checked for sense)."""
        from prompts import render_prompt

        prompt = render_prompt("rewrite", history="\n".join(f"- {h}" for h in history), question=question)
        text = "".join(self._tokens([("human", prompt)])).strip().strip('"').splitlines()
        rewritten = text[0].strip() if text else ""
        if not rewritten or len(rewritten) > 3 * len(question) + 200:
            raise LLMFailure("the follow-up rewrite was empty or runaway")
        return rewritten

    def stream_sentences(self, question: str, passages: Sequence[Passage]) -> Iterator[str]:
        """The model's answer, one sentence (or list item) at a time as each is finished."""
        messages = self.answer_prompt.format_messages(
            max_chars=str(self.max_chars), passages=render_passages(passages), question=question
        )
        buffer = ""
        for token in self._tokens(messages):
            buffer += token
            done = sentences(buffer)
            if len(done) > 1:
                for sentence in done[:-1]:
                    yield sentence
                buffer = done[-1]
        if buffer.strip():
            yield from sentences(buffer)

    def _tokens(self, messages) -> Iterator[str]:
        """The model's tokens, on a worker thread so a slow model is cut off at the timeout."""
        out: queue.Queue = queue.Queue()
        stop = threading.Event()

        def work() -> None:
            try:
                for chunk in self.chat_model.stream(messages):
                    if stop.is_set():
                        break
                    out.put(("token", str(chunk.content or "")))
                out.put(("end", None))
            except Exception as exc:  # any backend error means: use the extractive answer
                out.put(("error", exc))

        threading.Thread(target=work, daemon=True, name="llm-stream").start()
        deadline = time.monotonic() + self.timeout_s
        try:
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise LLMFailure(f"the LLM took longer than {self.timeout_s:g} s")
                try:
                    kind, value = out.get(timeout=remaining)
                except queue.Empty:
                    raise LLMFailure(f"the LLM took longer than {self.timeout_s:g} s") from None
                if kind == "end":
                    return
                if kind == "error":
                    raise LLMFailure(f"the LLM failed: {type(value).__name__}: {str(value)[:200]}") from value
                yield value
        finally:
            stop.set()


@dataclass
class Assembly:
    """Verified sentences gathered so far, numbered as citations in the order they are first cited."""

    passages: Sequence[Passage]
    claims: list[Claim]
    unsupported: list[str]
    dropped: list[int]
    says_unknown: bool = False

    def add(self, sentence: str) -> str | None:
        """Check one sentence; its text with renumbered markers when it stands, else None."""
        checked: Verified = verify(sentence, [p.text for p in self.passages])
        self.unsupported += checked.unsupported
        self.dropped += checked.dropped_markers
        self.says_unknown = self.says_unknown or checked.says_unknown
        self.claims += checked.claims
        if not checked.claims:
            return None
        numbers = self.numbers()
        item = sentence.lstrip().startswith(("- ", "* ", "• "))
        text = " ".join(f"{c.text} {''.join(f'[{numbers[n]}]' for n in c.cites)}" for c in checked.claims)
        return f"- {text.lstrip('-*• ')}" if item else text

    def numbers(self) -> dict[int, int]:
        order = list(dict.fromkeys(n for c in self.claims for n in c.cites))
        return {n: i for i, n in enumerate(order, start=1)}

    def citations(self) -> list[Citation]:
        """One citation per cited passage; its quote is the passage sentence closest to the claims
        citing it, verbatim, so the citation can be checked like an extractive one."""
        out = []
        for n, number in self.numbers().items():
            p = self.passages[n - 1]
            claims = " ".join(c.text for c in self.claims if n in c.cites)
            start, quote = best_sentence(p.hit.chunk.text, claims)
            out.append(citation(number, p.hit.chunk, start, quote, p.hit.score))
        return out


def best_sentence(chunk_text: str, claim: str) -> tuple[int, str]:
    """(offset, text) of the chunk's sentence sharing the most words with the claim."""
    wanted = set(tokenize(claim))
    units = [u for u in split_chunk(chunk_text, 0, 0) if not u.instruction]
    if not units:
        return 0, chunk_text[:300]
    best = max(units, key=lambda u: (len(wanted & set(tokenize(u.text))), -u.start))
    return best.start, best.text


def llm_answer(
    reader: LLMReader,
    question: str,
    hits: Sequence[Hit],
    extractive: Answer,
    on_sentence: Callable[[str], None] | None = None,
) -> Answer:
    """The model's checked answer; a decline with the extractive related passages when nothing
    it wrote stands; raises LLMFailure when it gave nothing usable (the caller falls back)."""
    t0 = time.perf_counter()
    passages = passages_from(hits, reader.context_tokens, reader.max_tokens)
    if not passages:
        return replace(extractive, engine=reader.label)
    assembly = Assembly(passages, [], [], [])
    pieces: list[str] = []
    produced = False
    for sentence in reader.stream_sentences(question, passages):
        produced = True
        text = assembly.add(sentence)
        if text is not None:
            pieces.append(text)
            if on_sentence:
                on_sentence(piece_separator(text, len(pieces) == 1) + text)
    if not produced:
        raise LLMFailure("the LLM returned an empty reply")
    timings = {**extractive.timings_ms, "generate": (time.perf_counter() - t0) * 1000}
    timings["total"] = timings.get("total", 0.0) + timings["generate"]
    if not pieces:
        related = extractive.related or extractive.citations
        unchecked = f"{DECLINE_TEXT[:-1]}: no statement of the model could be checked."
        text = DECLINE_TEXT if assembly.says_unknown else unchecked
        return replace(
            extractive,
            answer=text + (RELATED_NOTE if related else ""),
            abstained=True,
            citations=(),
            related=tuple(related),
            timings_ms=timings,
            engine=reader.label,
            unsupported=tuple(assembly.unsupported),
            why={**extractive.why, "dropped_markers": assembly.dropped},
        )
    return replace(
        extractive,
        answer=join_pieces(pieces),
        abstained=False,
        citations=tuple(assembly.citations()),
        related=(),
        timings_ms=timings,
        engine=reader.label,
        unsupported=tuple(assembly.unsupported),
        why={**extractive.why, "dropped_markers": assembly.dropped},
    )
