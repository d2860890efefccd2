from assistant.retrieve import fuse_rankings


def test_rrf_rewards_agreement_between_rankings():
    fused = fuse_rankings([["a", "b", "c"], ["b", "c", "a"]], k=60)
    assert max(fused, key=fused.get) == "b"
    assert fused["b"] == 1 / 61 + 1 / 62


def test_rrf_keeps_items_found_by_one_ranking_only():
    fused = fuse_rankings([["a"], ["z"]], k=60)
    assert set(fused) == {"a", "z"}
