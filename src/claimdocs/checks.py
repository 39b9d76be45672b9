"""Both halves of the check, run once: article -> claims, and claims -> pages."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimdocs.project import Project
from claimdocs.reporting import Finding
from claimdocs.source_rules import check_source, coverage


@dataclass
class Result:
    findings: list[Finding]
    summary: dict[str, object] = field(default_factory=dict)


def run_checks(project: Project, *, pages: bool = True) -> Result:
    summary: dict[str, object] = {"claims": len(project.claims), "entities": len(project.entities)}
    if project.article is not None:
        cov = coverage(project, project.article)
        summary["coverage"] = f"{cov.percent:.1f}% of {cov.total}"
    if pages:
        from claimdocs.page_rules import check_pages

        # the article's checks run beside the pages', in the same worker pool on a large site
        page_result = check_pages(project, alongside=check_source)
        findings = page_result.findings
        summary.update(page_result.summary)
    else:
        findings = check_source(project)
    return Result(findings, summary)
