"""Every valid assessment makes a report: random assessments with extreme but legal content (see
``report_fuzz``) all render. The long run is ``bench/bench_report_fuzz.py``."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from assessor.model import Assessment
from assessor.report import render_report
from tests.report_fuzz import assessments

#: Time-boxed for the suite: a handful of examples, each a whole report.
SETTINGS = settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)


@SETTINGS
@given(assessments())
def test_every_valid_assessment_makes_a_report(assessment: Assessment) -> None:
    data = render_report(assessment)
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
