"""A stand-in for scmrepo (iterative/scmrepo), which Debian does not package: only the calls that
GTO's registry, tag and index modules make, each run with the git CLI. Used by ../gto_states.py
to run GTO's own code on scratch repositories; never by the action."""
