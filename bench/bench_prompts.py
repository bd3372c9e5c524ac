"""Prompt evaluation speed: 200 rules for one caller with 20 history items, as the workspace calls it.

    python bench/bench_prompts.py [--samples 2000]

Builds a demo database in a temporary folder, gives the story caller 20 contacts, and makes a 200-rule pack from the
shipped default pack (its rules repeated under new ids, plus plain rules up to 200). Times `services.prompts.
prompts_for` (context + evaluation, what each debounced keystroke runs on a worker) with a note that carries a cue,
beside its baseline on the same run: the same call with a one-rule pack. Wall and CPU time, p50/p95/p99.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import cpu_timer, load_average, machine, open_runtime_for, percentiles, timer, utc_now

from cxassist.domain.models import Outcome
from cxassist.prompts import PackSet, default_pack_path, load_pack_text
from cxassist.services.calls import CallDetails, log_interaction
from cxassist.services.demo import seed_demo
from cxassist.services.prompts import PromptRequest, prompts_for
from cxassist.services.screen_pop import screen_pop

STORY = "+442079460018"
NOTE = "Caller wants to talk about the bill. " * 20 + "she sounds confused and doesn't know where she is"


def pack_of(rule_count: int) -> PackSet:
    text = default_pack_path().read_text(encoding="utf-8")
    head, _, rest = text.partition("[[rule]]")
    rules, cues = rest.split("[cues]", 1)
    originals = len(re.findall(r"^id = ", rules, flags=re.MULTILINE))
    copies = []
    total = originals
    copy = 1
    while total + originals <= rule_count:
        copies.append(re.sub(r'^id = "([^"]+)"', rf'id = "\1-copy{copy}"', "[[rule]]" + rules, flags=re.MULTILINE))
        total += originals
        copy += 1
    padding = [
        f'[[rule]]\nid = "plain-{i}"\ncategory = "context"\nwhen = {{ field = "history.count", gte = {i} }}\n'
        f'template = "Note {{{{ caller.name }}}} {i}"\npriority = 1\nwhy = "padding for the benchmark"\n\n'
        for i in range(rule_count - total)
    ]
    body = head + "[[rule]]" + rules + "".join(copies) + "".join(padding) + "[cues]" + cues
    if rule_count == 1:
        first = "[[rule]]" + rules.split("[[rule]]", 1)[0]
        body = head + first + "[cues]" + cues
    return PackSet.compose([load_pack_text(body, f"bench-{rule_count}.toml")])


def measure(runtime: object, pack_set: PackSet, request: PromptRequest, samples: int) -> dict[str, object]:
    settings = runtime.settings  # type: ignore[attr-defined]
    now = runtime.now()  # type: ignore[attr-defined]
    for _ in range(50):
        prompts_for(settings, pack_set, request, now=now)
    wall, cpu = [], []
    for _ in range(samples):
        started, started_cpu = timer(), cpu_timer()
        prompts_for(settings, pack_set, request, now=now)
        wall.append(timer() - started)
        cpu.append(cpu_timer() - started_cpu)
    return {"wall": percentiles(wall), "cpu": percentiles(cpu)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        runtime = open_runtime_for(Path(folder))
        seed_demo(runtime, callers=5, seed=1)
        pop = screen_pop(runtime, STORY)
        for day in range(20 - len(pop.history)):
            log_interaction(
                runtime,
                phone=STORY,
                started_at=runtime.now() - timedelta(days=30 + day),
                details=CallDetails(reason=f"reason {day}", outcome=list(Outcome)[day % 3]),
            )
        pop = screen_pop(runtime, STORY)
        request = PromptRequest(pop=pop, note=NOTE)
        big, tiny = pack_of(200), pack_of(1)
        shown = len(prompts_for(runtime.settings, big, request, now=runtime.now()))
        load_before = load_average()
        results = {
            "200 rules": measure(runtime, big, request, args.samples),
            "baseline: 1 rule": measure(runtime, tiny, request, args.samples),
        }
        report = {
            "bench": "prompts",
            "command": "python bench/bench_prompts.py " + " ".join(sys.argv[1:]),
            "at": utc_now(),
            "machine": machine(),
            "rules": len(big.rules),
            "history_items": len(pop.history),
            "prompts_shown": shown,
            "load_before": load_before,
            "load_after": load_average(),
            "results": results,
        }
        runtime.close()
    for name, figures in results.items():
        wall, cpu = figures["wall"], figures["cpu"]
        print(
            f"{name:18} wall p50 {wall['p50']:.2f} p95 {wall['p95']:.2f} p99 {wall['p99']:.2f} ms | "  # type: ignore[index]
            f"cpu p50 {cpu['p50']:.2f} p95 {cpu['p95']:.2f} ms"
        )  # type: ignore[index]
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
