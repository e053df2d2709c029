"""Golden registry states from GTO's own code (iterative/gto), for __tests__/registry/gto-interop.

For each scenario in scenarios.json, builds a scratch repository, performs the operations through
GTO's API (gto.api.register / assign / unassign / deregister / deprecate: GTO names the tags, picks
counters and writes the messages) or, for `tag` operations, with plain `git tag` (tags as this
action or another tool writes them), each at the scenario's own clock second (GIT_COMMITTER_DATE),
then asks GTO what it shows. Writes every tag as created (name, target commit, time, message) and
GTO's answers to JSON, which the tests replay with git and compare with what the action reads.

Run (GTO is not installed: its source comes from a snapshot, never copied into this repository):
    apt-get install python3-semver python3-funcy python3-ruamel.yaml python3-entrypoints \
        python3-rich python3-click python3-tabulate
    python3 scripts/golden/gto/gto_states.py <gto git dir> __tests__/fixtures/gto/gto-states.json
with a Python that has pydantic>=2 and pydantic-settings>=2 (Debian 12's pydantic is 1.x; the
pyenv Python of this machine has both). scmrepo is replaced by ./scmrepo, a git-CLI stand-in for
the calls GTO makes; GTO's modules run unchanged, except gto/__init__.py (which only imports the
public API) left empty.
"""
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import io
from pathlib import Path

HERE = Path(__file__).resolve().parent
BASE_TIME = 1_700_000_000


def extract_gto(git_dir: str, into: Path) -> str:
    """GTO's package from the snapshot, an entry point for its own enrichment, and its commit."""
    commit = subprocess.run(
        ["git", f"--git-dir={git_dir}", "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    archive = subprocess.run(["git", f"--git-dir={git_dir}", "archive", commit, "gto"], capture_output=True, check=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into)
    (into / "gto" / "__init__.py").write_text("")
    # pyproject.toml: [project.entry-points."gto.enrichment"] gto = "gto.index:GTOEnrichment"
    info = into / "gto-0.0.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: gto\nVersion: 0.0.0\n")
    (info / "entry_points.txt").write_text("[gto.enrichment]\ngto = gto.index:GTOEnrichment\n")
    return commit


def git(repo, *args, env=None):
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True, env=env).stdout.strip()


def at(t: int) -> dict:
    date = f"{BASE_TIME + t} +0000"
    return {**os.environ, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_DATE": date}


def run_scenario(scenario: dict, api, state_of) -> dict:
    repo = tempfile.mkdtemp(prefix="gto-golden-")
    git(repo, "init", "--quiet", "-b", "main")
    labels: dict = {}
    commits = []
    errors = []
    for op in scenario["ops"]:
        env = at(op.get("t", 0))
        os.environ.update({k: env[k] for k in ("GIT_COMMITTER_DATE", "GIT_AUTHOR_DATE")})
        if "commit" in op:
            git(repo, "commit", "--quiet", "--allow-empty", "-m", op["commit"], env=env)
            labels[op["commit"]] = git(repo, "rev-parse", "HEAD")
            commits.append({"label": op["commit"], "t": op.get("t", 0)})
        elif "tag" in op:
            args = ["tag", op["tag"], labels[op["ref"]]]
            if not op.get("lightweight"):
                args[1:1] = ["-a", "--cleanup=verbatim", "-m", op["message"]]
            git(repo, *args, env=env)
        else:
            kwargs = dict(op["args"])
            if "ref" in kwargs:
                kwargs["ref"] = labels[kwargs["ref"]]
            try:
                getattr(api, op["gto"])(repo, **kwargs)
            except Exception as e:  # GTO refusing is part of its rules: recorded, and the test expects it
                if not op.get("expect_error"):
                    raise
                errors.append({"op": op, "error": type(e).__name__})
            else:
                if op.get("expect_error"):
                    raise AssertionError(f"{scenario['id']}: GTO accepted {op}")
    state = state_of(repo, labels)
    return {"id": scenario["id"], "description": scenario["description"], "commits": commits, **state, "errors": errors}


def make_state_of(api, tag_mod, registry_mod):
    from gto.constants import Action, VersionSort

    def state_of(repo, labels):
        by_sha = {sha: label for label, sha in labels.items()}
        name_of = lambda v: f"commit:{by_sha[v]}" if v in by_sha else v  # versions GTO names by commit
        tags = []
        for name in git(repo, "tag", "--list").split("\n") if git(repo, "tag", "--list") else []:
            kind = git(repo, "cat-file", "-t", f"refs/tags/{name}")
            target = git(repo, "rev-parse", f"refs/tags/{name}^{{commit}}")
            entry = {"name": name, "ref": by_sha[target], "annotated": kind == "tag"}
            if kind == "tag":
                head, _, message = subprocess.run(
                    ["git", "cat-file", "tag", f"refs/tags/{name}"], cwd=repo, capture_output=True, text=True
                ).stdout.partition("\n\n")
                tagger = [l for l in head.split("\n") if l.startswith("tagger ")][0]
                entry["t"] = int(tagger.split(" ")[-2]) - BASE_TIME
                entry["message"] = message
            tags.append(entry)
        # GTO's own creation order is not recorded by git: order by time, then name (as GTO reads them).
        tags.sort(key=lambda e: (e.get("t", -1), e["name"]))

        shown = api.show(repo, deprecated=True)  # `gto show --json --deprecated`: every artifact
        artifacts = {}
        with registry_mod.GitRegistry.from_url(repo) as reg:
            state = reg.get_state()
            for name, artifact in state.get_artifacts().items():
                row = shown.get(name, {})
                stages = {}
                for stage, vstages in artifact.get_vstages(versions_per_stage=-1, sort=VersionSort.Timestamp).items():
                    stages[stage] = [name_of(v.version) for v in vstages]
                versions = api.show(repo, name, deprecated=True)  # `gto show <name> --json --deprecated`
                artifacts[name] = {
                    "active": artifact.is_active,
                    "registered": row.get("registered"),
                    # `gto show`: the greatest active registered version, and one holder per stage
                    "latest": row.get("version"),
                    "holders": {s: (name_of(v) if v else None) for s, v in (row.get("stage") or {}).items()},
                    # every active version in each stage, most recently assigned first (--vs -1)
                    "in_stage": stages,
                    "versions": [
                        {
                            "version": name_of(v["version"]),
                            "ref": by_sha.get(v["commit_hexsha"]),
                            "active": v["is_active"],
                            "registered": bool(v["registrations"]),
                            "discovered": v["discovered"],
                        }
                        for v in versions
                    ],
                    "next_counter": int(
                        tag_mod.name_tag(Action.ASSIGN, name, stage="x", scm=reg.scm, simple=False).split("#")[-1]
                    ),
                }
        return {"tags": tags, "artifacts": artifacts}

    return state_of


def main():
    gto_git_dir, out = sys.argv[1], sys.argv[2]
    scenarios_file = sys.argv[3] if len(sys.argv) > 3 else HERE / "scenarios.json"
    src = Path(tempfile.mkdtemp(prefix="gto-src-"))
    commit = extract_gto(gto_git_dir, src)
    sys.path[:0] = [str(src), str(HERE)]
    sys.path.append("/usr/lib/python3/dist-packages")  # Debian's semver, funcy, ruamel.yaml, ...
    os.environ.update(
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="GTO user",
        GIT_AUTHOR_EMAIL="gto@example.com",
        GIT_COMMITTER_NAME="GTO user",
        GIT_COMMITTER_EMAIL="gto@example.com",
    )
    import gto.api as api
    import gto.registry as registry_mod
    import gto.tag as tag_mod

    state_of = make_state_of(api, tag_mod, registry_mod)
    scenarios = json.loads(Path(scenarios_file).read_text())["scenarios"]
    results = [run_scenario(s, api, state_of) for s in scenarios]
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_text(
        json.dumps(
            {
                "source": f"iterative/gto@{commit}, run by scripts/golden/gto/gto_states.py",
                "base_time": BASE_TIME,
                "scenarios": results,
            },
            indent=1,
            default=str,
        )
        + "\n"
    )
    print(f"{len(results)} scenarios from GTO {commit[:12]} -> {out}")


if __name__ == "__main__":
    main()
