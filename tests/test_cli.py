"""The `reportqa` command line through its real entry point (a subprocess), on a real index."""

from __future__ import annotations

import pytest

from assistant.core import build
from tests.conftest import DATA
from tests.test_faults import cli

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory, real_embedder):
    data_dir = tmp_path_factory.mktemp("cli") / "idx"
    build(data_dir=data_dir, embedder=real_embedder).ingest(
        [
            DATA / "cicte-2016-work-plan-report.pdf",
            DATA / "cicte-2016-work-plan-report.docx",
            DATA / "apec-ctap-chile-2020.pdf",
        ]
    )
    return data_dir


@pytest.mark.parametrize("k", ["0", "-1", "51", "five"])
def test_ask_refuses_a_k_out_of_range(index_dir, k):
    done = cli("ask", "what is the budget?", "--k", k, data_dir=index_dir)
    assert done.returncode == 2 and "--k" in done.stderr


def test_ask_with_an_unknown_filter_value_lists_the_known_ones(index_dir):
    done = cli("ask", "which states got 1540 legislative help in 2016?", "--org", "UNODC", data_dir=index_dir)
    assert done.returncode == 2 and "APEC" in done.stderr and "CICTE/OAS" in done.stderr


def test_ask_filter_values_match_whatever_their_case_or_alias(index_dir):
    done = cli("ask", "which states got 1540 legislative help in 2016?", "--org", "oas", "--json", data_dir=index_dir)
    assert done.returncode == 0, done.stderr
    assert "Uruguay" in done.stdout


def test_docs_says_which_copy_answers(index_dir):
    out = cli("docs", data_dir=index_dir, check=True).stdout
    assert "same text as cicte-2016-work-plan-report.pdf" in out and "which answers instead" in out
    assert "not stated outright: country not found" in out  # the CICTE report names no single country


def test_check_passes_on_a_healthy_index(index_dir):
    done = cli("check", data_dir=index_dir)
    assert done.returncode == 0 and "ok:" in done.stdout


def test_remove_by_a_four_character_id_prefix(tmp_path, real_embedder):
    data_dir = tmp_path / "idx"
    doc = build(data_dir=data_dir, embedder=real_embedder).ingest([DATA / "cicte-2016-work-plan-report.txt"])[0]
    assert cli("remove", "abc", data_dir=data_dir).returncode == 1  # too short, said so
    done = cli("remove", doc.doc_id[:4], data_dir=data_dir)
    assert done.returncode == 0 and doc.doc_id in done.stdout
    assert "no documents indexed" in cli("docs", data_dir=data_dir, check=True).stdout
