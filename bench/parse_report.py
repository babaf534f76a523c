#!/usr/bin/python3
"""Summary of one bench/parse.sh run, as Markdown on standard output.

Reads OUT/runs.tsv (timed whole-process runs), OUT/check/ (failure counts from the untimed check round),
OUT/jmh.json (JMH, if run) and OUT/machine.txt. Figures are median (min-max) over the timed rounds. A ratio is
computed round by round (Kerma's rate over the peer's rate in the same round, so that both saw the same load) and
reported as the median (min-max) of those per-round ratios.

Usage: parse_report.py OUT
"""
import csv
import json
import os
import statistics
import sys

TOOLS = ["kerma", "kerma-c1", "pydicom", "dcmdump"]
KERMAS = ["kerma", "kerma-c1"]
SETS = ["corpus", "small10k"]
GOALS = {"pydicom": 5.0, "dcmdump": 2.0}


def spread(values, fmt="%.0f"):
    if not values:
        return "-"
    return (fmt + " (" + fmt + "-" + fmt + ")") % (statistics.median(values), min(values), max(values))


def read_runs(out):
    with open(os.path.join(out, "runs.tsv")) as f:
        return list(csv.DictReader(f, delimiter="\t"))


def failed_count(out, tool, set_name):
    """How many files the tool could not parse, from the check round; '?' when unknown."""
    if tool == "dcmdump":
        if set_name == "corpus":
            with open(os.path.join(out, "corpus.list")) as f:
                included = set(line.rstrip("\n") for line in f)
            with open(os.path.join(out, "check", "dcmdump-corpus-per-file.tsv")) as f:
                return sum(1 for r in csv.DictReader(f, delimiter="\t")
                           if r["file"] in included and r["dcmdump_exit"] != "0")
        with open(os.path.join(out, "check", "dcmdump-%s.exit" % set_name)) as f:
            return 0 if f.read().strip() == "0" else "?"
    path = os.path.join(out, "check", "%s-%s.out" % (tool, set_name))
    with open(path, errors="replace") as f:
        for line in f:
            if line.startswith("{"):
                return json.loads(line)["failed"]
    return "?"


def whole_process_table(out, runs):
    lines = ["| set | files | tool | failed | wall s | files/s (whole process) | CPU s (user+sys) "
             "| files/s in-process (one cold pass) | outside the pass s (wall - in-process) |",
             "|---|---|---|---|---|---|---|---|---|"]
    for s in SETS:
        for t in TOOLS:
            rs = [r for r in runs if r["set"] == s and r["tool"] == t]
            if not rs:
                continue
            files = int(rs[0]["files"])
            wall = [float(r["wall_s"]) for r in rs]
            cpu = [float(r["user_s"]) + float(r["sys_s"]) for r in rs]
            timed = [r for r in rs if r["inner_s"] not in ("-", "")]
            inner = [files / float(r["inner_s"]) for r in timed]
            outside = [float(r["wall_s"]) - float(r["inner_s"]) for r in timed]
            lines.append("| %s | %d | %s | %s | %s | %s | %s | %s | %s |" % (
                s, files, t, failed_count(out, t, s), spread(wall, "%.3f"), spread([files / w for w in wall]),
                spread(cpu, "%.2f"), spread(inner) if inner else "-", spread(outside, "%.2f") if outside else "-"))
    return lines


def ratio_table(runs):
    lines = ["| set | Kerma / peer | goal | files/s ratio, whole process (per round) | met? | CPU-time ratio "
             "(peer CPU / Kerma CPU) |",
             "|---|---|---|---|---|---|"]
    for s in SETS:
        by_round = {}
        for r in runs:
            if r["set"] == s:
                by_round.setdefault(r["round"], {})[r["tool"]] = r
        for kerma, (peer, goal) in [(k, g) for k in KERMAS for g in GOALS.items()]:
            rate, cpu = [], []
            for rr in by_round.values():
                if kerma in rr and peer in rr:
                    k, p = rr[kerma], rr[peer]
                    rate.append(float(p["wall_s"]) / float(k["wall_s"]))
                    cpu.append((float(p["user_s"]) + float(p["sys_s"])) / (float(k["user_s"]) + float(k["sys_s"])))
            if rate:
                med = statistics.median(rate)
                lines.append("| %s | %s / %s | %.0fx | %s | %s | %s |" % (
                    s, kerma, peer, goal, spread(rate, "%.1fx"), "yes" if med >= goal else "**no**", spread(cpu, "%.1fx")))
    return lines


def jmh_table(out, runs):
    path = os.path.join(out, "jmh.json")
    if not os.path.exists(path):
        return ["(JMH not run)"]
    with open(path) as f:
        results = json.load(f)
    lines = ["| set | Kerma JMH files/s: score +- 99.9% CI | iterations min-max | vs pydicom in-process loop "
             "(median) | vs dcmdump whole process (median) |",
             "|---|---|---|---|---|"]
    for res in results:
        corpus = res["params"]["corpus"]
        s = "small10k" if corpus.endswith("small10k.list") else "corpus" if corpus.endswith("corpus.list") else corpus
        pm = res["primaryMetric"]
        its = [x for fork in pm["rawData"] for x in fork]

        def peer_rate(tool, inner):
            rs = [r for r in runs if r["set"] == s and r["tool"] == tool]
            if inner:
                v = [int(r["files"]) / float(r["inner_s"]) for r in rs if r["inner_s"] not in ("-", "")]
            else:
                v = [int(r["files"]) / float(r["wall_s"]) for r in rs]
            return statistics.median(v) if v else None

        py, dd = peer_rate("pydicom", True), peer_rate("dcmdump", False)
        err = pm["scoreError"]
        lines.append("| %s | %.0f +- %s | %.0f-%.0f | %s | %s |" % (
            s, pm["score"], "%.0f" % err if isinstance(err, (int, float)) else "n/a", min(its), max(its),
            "%.1fx" % (pm["score"] / py) if py else "-", "%.1fx" % (pm["score"] / dd) if dd else "-"))
    return lines


def main(out):
    runs = read_runs(out)
    rounds = len(set(r["round"] for r in runs))
    print("# Header parse up to Pixel Data: Kerma, pydicom, dcmdump\n")
    with open(os.path.join(out, "machine.txt")) as f:
        print("```\n" + f.read().rstrip() + "\n```\n")
    print("## Whole process, one pass over the set (%d timed rounds; median (min-max))\n" % rounds)
    print("\n".join(whole_process_table(out, runs)) + "\n")
    print("## Ratios against the goals (whole process, round by round)\n")
    print("\n".join(ratio_table(runs)) + "\n")
    print("## In-process steady state (JMH HeaderParseBenchmark, one op = one file)\n")
    print("\n".join(jmh_table(out, runs)) + "\n")
    print("Raw data: %s (runs.tsv, raw/, check/, jmh.json)." % out)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
