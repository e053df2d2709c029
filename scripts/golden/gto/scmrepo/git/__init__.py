"""scmrepo.git.Git backed by the git CLI: what GTO calls, with scmrepo's return types.

list_tags is sorted by name as scmrepo's dulwich and pygit2 backends sort it; get_tag returns a
GitTag for an annotated tag and the target sha for a lightweight one, as both backends do."""
import enum
import os
import re
import subprocess

from scmrepo.exceptions import RevError, SCMError
from scmrepo.git.objects import GitCommit, GitTag


class SyncStatus(enum.Enum):
    SUCCESS = 0
    DUPLICATED = 1
    DIVERGED = 2


def _offset(tz: str) -> int:
    sign = -1 if tz.startswith("-") else 1
    return sign * (int(tz[1:3]) * 3600 + int(tz[3:5]) * 60)


def _identity(line: str):
    m = re.match(r"^(.*) <(.*)> (\d+) ([+-]\d{4})$", line)
    return m.group(1), m.group(2), int(m.group(3)), _offset(m.group(4))


class _Fs:
    def __init__(self, scm, rev):
        self.scm, self.rev = scm, rev

    def exists(self, path):
        return self.scm._git("cat-file", "-e", f"{self.rev}:{path}", check=False).returncode == 0

    def open(self, path, mode="r", **kwargs):
        import io

        out = self.scm._git("show", f"{self.rev}:{path}", check=False)
        if out.returncode != 0:
            raise FileNotFoundError(path)
        return io.StringIO(out.stdout)


class Git:
    def __init__(self, root_dir=None, **kwargs):
        self.root_dir = os.path.abspath(root_dir or os.getcwd())

    @property
    def dir(self):
        out = self._git("rev-parse", "--git-dir", check=False)
        if out.returncode != 0:
            raise SCMError(f"{self.root_dir} is not a git repository")
        return out.stdout.strip()

    def close(self):
        pass

    def _git(self, *args, check=True):
        out = subprocess.run(["git", *args], cwd=self.root_dir, capture_output=True, text=True)
        if check and out.returncode != 0:
            raise SCMError(out.stderr.strip())
        return out

    def resolve_rev(self, rev):
        out = self._git("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}", check=False)
        if out.returncode != 0:
            raise RevError(f"unknown Git revision '{rev}'")
        return out.stdout.strip()

    def get_rev(self):
        return self.resolve_rev("HEAD")

    def resolve_commit(self, rev):
        sha = self.resolve_rev(rev)
        raw = self._git("cat-file", "commit", sha).stdout
        head, _, message = raw.partition("\n\n")
        fields = {}
        parents = []
        for line in head.split("\n"):
            key, _, value = line.partition(" ")
            if key == "parent":
                parents.append(value)
            else:
                fields.setdefault(key, value)
        an, ae, at, ao = _identity(fields["author"])
        cn, ce, ct, co = _identity(fields["committer"])
        return GitCommit(sha, ct, co, message, parents, cn, ce, an, ae, at, ao)

    def iter_refs(self, base=None):
        out = self._git("for-each-ref", "--format=%(refname)", *([base] if base else []))
        yield from (line for line in out.stdout.split("\n") if line)

    def list_tags(self):
        base = "refs/tags/"
        return sorted(ref[len(base):] for ref in self.iter_refs(base))

    def get_ref(self, name, follow=True):
        out = self._git("rev-parse", "--verify", "--quiet", name, check=False)
        return out.stdout.strip() or None

    def remove_ref(self, name, old_ref=None):
        self._git("update-ref", "-d", name)

    def get_tag(self, name):
        ref = f"refs/tags/{name}"
        sha = self.get_ref(ref)
        if not sha:
            return None
        if self._git("cat-file", "-t", sha).stdout.strip() != "tag":
            return sha
        raw = self._git("cat-file", "tag", sha).stdout
        head, _, message = raw.partition("\n\n")
        fields = dict(line.partition(" ")[::2] for line in head.split("\n"))
        tn, te, tt, to = _identity(fields["tagger"])
        return GitTag(fields["tag"], sha, fields["object"], tn, te, tt, to, message)

    def tag(self, tag, target=None, annotated=False, message=None):
        if annotated and not message:
            raise SCMError("message is required for annotated tag")
        args = ["tag", *(["-a", "-m", message] if annotated else []), tag, target or "HEAD"]
        self._git(*args)

    def get_fs(self, rev):
        return _Fs(self, rev)

    def branch_revs(self, branch, end_rev=None):
        out = self._git("rev-list", branch)
        return [line for line in out.stdout.split("\n") if line]
