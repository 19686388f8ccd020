"""Unit tests of the benchmark's parsing and metrics (python3 -m unittest bench/knowledge/test_kbbench.py)."""

import unittest

from kbbench import first_hit_rank, metrics, overlaps, paired, parse_search_output, percentile

EXPECTED = {"path": "a.md", "startLine": 10, "endLine": 20}


def result(path, start, end):
    return {"path": path, "startLine": start, "endLine": end}


class ParseTests(unittest.TestCase):
    def test_one_object_per_line_in_order(self):
        text = ('{"documentId": 1, "path": "a.md", "startLine": 1, "endLine": 3, "heading": "A", "score": 0.5, '
                '"text": "x"}\n\n{"documentId": 2, "path": "b.md", "startLine": 4, "endLine": 9}\n')
        self.assertEqual([item["path"] for item in parse_search_output(text)], ["a.md", "b.md"])

    def test_bad_lines_name_their_number(self):
        with self.assertRaisesRegex(ValueError, "line 2"):
            parse_search_output('{"path": "a", "startLine": 1, "endLine": 1}\nnot json')
        with self.assertRaisesRegex(ValueError, "no endLine"):
            parse_search_output('{"path": "a", "startLine": 1}')


class MetricTests(unittest.TestCase):
    def test_overlap_is_inclusive_and_per_file(self):
        self.assertTrue(overlaps(result("a.md", 20, 30), EXPECTED))
        self.assertTrue(overlaps(result("a.md", 1, 10), EXPECTED))
        self.assertTrue(overlaps(result("a.md", 12, 14), EXPECTED))
        self.assertFalse(overlaps(result("a.md", 21, 30), EXPECTED))
        self.assertFalse(overlaps(result("a.md", 1, 9), EXPECTED))
        self.assertFalse(overlaps(result("b.md", 10, 20), EXPECTED))

    def test_first_hit_rank_by_level(self):
        results = [result("b.md", 1, 5), result("a.md", 1, 5), result("a.md", 15, 16)]
        self.assertEqual(first_hit_rank(results, EXPECTED, "file"), 2)
        self.assertEqual(first_hit_rank(results, EXPECTED, "chunk"), 3)
        self.assertIsNone(first_hit_rank(results[:2], EXPECTED, "chunk"))

    def test_recall_and_mrr(self):
        values = metrics([1, 2, None, 6], k=5)
        self.assertEqual(values["recall@1"], 0.25)
        self.assertEqual(values["recall@5"], 0.5)
        self.assertAlmostEqual(values["mrr"], (1 + 0.5) / 4)
        self.assertEqual(metrics([])["n"], 0)

    def test_paired_counts_higher_lower_and_same(self):
        # A rank past 5 is as missing as none.
        self.assertEqual(paired([1, 2, None, 6, 3], [2, 1, None, None, 3]), (1, 1, 3))
        self.assertEqual(paired([1, None], [None, 5]), (1, 1, 0))

    def test_percentile_nearest_rank(self):
        self.assertEqual(percentile([5, 1, 3], 0.5), 3)
        self.assertEqual(percentile([1, 2, 3, 4], 0.5), 2)
        self.assertEqual(percentile([7], 0.99), 7)


if __name__ == "__main__":
    unittest.main()
