"""The one regular expression that finds inline tokens, and the constants the parser shares.

Speed note: the pattern starts with a character class, so ``re`` skips in C to the next
character that can begin a token (``[ ] ' \\ { @`` or a capital letter); each alternative then
checks, by a one-character look-behind, which of those characters it was consumed on. Written
as a plain alternation the same scan is about five times slower. Every quantifier over
free text is bounded or possessive, so a failed match costs O(length of the token) at most.

Group names (``m.lastgroup`` is the outermost group of the alternative that matched):

========== ===============================================================================
ww         a bare WikiWord
nsword     ``Namespace/WikiWord``, ``Namespace/{{…}}`` or ``Namespace.X``
braces     ``{{words|suffix}}glued``
user       ``@/{{Handle}}`` or ``@/Handle``
escape     ``[=`` or ``[=~`` (the end is looked for by the parser)
tag        ``[[spoiler:``, ``[[strike:``, ``[[AC:``, ``[[center:``, ``[[rtl:``
indent     ``[[indent:N:``
label      ``[[labelnote:Label]]``
noteword   ``[[note]]``, ``[[/note]]``, ``[[/labelnote]]``
pothole    ``[[target`` followed by ``]]`` (bare) or by blanks (custom text follows)
close      ``]]``
quotes     a run of two or more apostrophes
br         ``\\\\``
========== ===============================================================================
"""

from __future__ import annotations

import re

from tropewiki.markup.titles import WIKIWORD_PATTERN, WIKIWORD_TAIL

__all__ = ["INLINE_TOKEN", "MAX_DEPTH"]

#: Deepest nesting of inline constructs; openers beyond it are kept as literal text.
MAX_DEPTH = 32

_BODY = r"[^{}\[\]|\n]{1,120}"  # the words inside {{…}}
_SUFFIX = r"[^{}\[\]|\n]{0,60}"  # the |suffix inside {{…}}
_GLUE = r"[A-Za-z0-9]*+"  # letters glued after }}
_ANCHOR = r"[A-Za-z0-9_-]{1,64}"


def _braces(prefix: str, opening: str = r"\{\{") -> str:
    return rf"{opening}(?P<{prefix}b>{_BODY})(?:\|(?P<{prefix}s>{_SUFFIX}))?\}}\}}"


# After the scan consumed the first "{" of a bare {{…}}.
_BARE_BRACES = _braces("b", opening=r"\{")

INLINE_TOKEN = re.compile(
    rf"""
    [\[\]'\\{{@A-Z]
    (?:
        (?<=[A-Z])(?<![A-Za-z0-9_].)
        (?:
            (?P<nsword>
                [A-Za-z0-9]*+(?P<sep>[/.])
                (?: (?P<nw>{WIKIWORD_PATTERN}) | {_braces("n")}(?P<ng>{_GLUE}) )
            )
          | (?P<ww>{WIKIWORD_TAIL})
        )
      | (?<![A-Z])  # any other candidate: one failed check for a capital that led nowhere
        (?:
            (?<=\[)
            (?:
                (?P<escape>=~?)
              | \[
                (?:
                    (?P<tag>(?i:spoiler|strike|center|rtl|ac)):
                  | (?i:indent):(?P<indent>[0-9]{{1,3}}):
                  | (?i:labelnote):(?P<label>[^\[\]\n]{{0,200}})\]\]
                  | (?P<noteword>(?i:note|/note|/labelnote))\]\]
                  | (?P<pothole>
                        (?: (?P<url>(?:https?://|mailto:)[^\s\[\]<>"]++)
                          | \#(?P<anchor>{_ANCHOR})
                          | (?: (?P<pns>[A-Za-z0-9]++)[/.] | (?P<pat>@)/ )?
                            (?: {_braces("p")} | (?P<pw>[A-Za-z0-9]++) )
                            (?:\#(?P<pa>{_ANCHOR}))?
                        )
                        (?P<pend>\]\]|[ \t]++)
                    )
                )
            )
          | (?<=\])(?P<close>\])
          | (?<=')(?P<quotes>'++)
          | (?<=\{{)(?P<braces>{_BARE_BRACES}(?P<bg>{_GLUE}))
          | (?<=@)(?P<user>/(?: {_braces("u")}(?P<ug>{_GLUE}) | (?P<uw>[A-Za-z0-9]++) ))
          | (?<=\\)(?P<br>\\)
        )
    )
    """,
    re.VERBOSE,
)
