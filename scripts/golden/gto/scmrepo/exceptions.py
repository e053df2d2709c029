"""scmrepo.exceptions: the two exception types GTO catches."""


class SCMError(Exception):
    pass


class RevError(SCMError):
    pass
