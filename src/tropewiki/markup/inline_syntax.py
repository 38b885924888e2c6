"""The one regular expression that finds inline tokens, and the constants the parser shares.

Speed note: the pattern starts with a character class, so ``re`` skips in C to the next
character that can begin a token (``[ ] ' \\ { @`` or a capital letter); each alternative then
checks, by a one-character look-behind, which of those characters it was consumed on. Written
as a plain alternation the same scan is about five times slower. Every quantifier over
free text is bounded or possessive, so a failed match costs O(length of the token) at most.

The one-token forms (``[[spoiler:text]]``, ``[[Target text]]``, ``''text''``) exist for speed:
most spoilers, link texts and italics hold plain words, and one token costs far less than an
opener, a text and a closer. Their text may still hold WikiWords; the parser checks, and
when the short form would not mean the same as the long one it falls back to the long one.

Group names (``m.lastgroup`` is the outermost group of the alternative that matched):

========== ===============================================================================
ww         a bare WikiWord
nsword     ``Namespace/WikiWord``, ``Namespace/{{…}}`` or ``Namespace.X``
braces     ``{{words|suffix}}glued``
user       ``@/{{Handle}}`` or ``@/Handle``
escape     ``[=`` or ``[=~`` (the end is looked for by the parser)
spoiler    ``[[spoiler:text]]`` in one token when the text holds no markup (``sptext``)
tag        ``[[spoiler:``, ``[[strike:``, ``[[AC:``, ``[[center:``, ``[[rtl:``
indent     ``[[indent:N:``
label      ``[[labelnote:Label]]``
noteword   ``[[note]]``, ``[[/note]]``, ``[[/labelnote]]``
pothole    ``[[target`` followed by ``]]`` (bare) or by blanks (custom text follows); when
           that text holds no markup, it and the closing ``]]`` are part of the token
           (``ptext``)
close      ``]]``
italic     ``''text''`` in one token when the text holds no markup (likewise ``bold``)
quotes     a run of two or more apostrophes
br         ``\\\\``
========== ===============================================================================
"""

from __future__ import annotations

import re

from tropewiki.markup.titles import WIKIWORD_PATTERN, WIKIWORD_TAIL

__all__ = ["INLINE_TOKEN", "LONG_FORMS_ONLY", "MAX_DEPTH"]

#: Deepest nesting of inline constructs; openers beyond it are kept as literal text.
MAX_DEPTH = 32

_BODY = r"[^{}\[\]|\n]{1,120}"  # the words inside {{…}}
_SUFFIX = r"[^{}\[\]|\n]{0,60}"  # the |suffix inside {{…}}
_GLUE = r"[A-Za-z0-9]*+"  # letters glued after }}
_ANCHOR = r"[A-Za-z0-9_-]{1,64}"
# Text that holds no markup but, perhaps, WikiWords: the content of the one-token forms below.
_PLAIN = r"[^'\[\]{}@\\\n]"


def _braces(prefix: str, opening: str = r"\{\{") -> str:
    return rf"{opening}(?P<{prefix}b>{_BODY})(?:\|(?P<{prefix}s>{_SUFFIX}))?\}}\}}"


# After the scan consumed the first "{" of a bare {{…}}.
_BARE_BRACES = _braces("b", opening=r"\{")


def _token_pattern(short_forms: bool) -> str:
    # Without short forms their groups stay (the parser reads them) but can never match.
    off = "" if short_forms else "(?!)"
    return rf"""
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
                    (?P<spoiler>{off}(?i:spoiler):(?P<sptext>{_PLAIN}{{0,500}}+)\]\])
                  | (?P<tag>(?i:spoiler|strike|center|rtl|ac)):
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
                        (?:{off}(?P<ptext>{_PLAIN}{{1,300}}+)\]\])?
                    )
                )
            )
          | (?<=\])(?P<close>\])
          | (?<=')
            (?:
                '{off}(?P<italic>{_PLAIN}{{1,300}}+)''(?!')
              | '{off}'(?P<bold>{_PLAIN}{{1,300}}+)'''(?!')
              | (?P<quotes>'++)
            )
          | (?<=\{{)(?P<braces>{_BARE_BRACES}(?P<bg>{_GLUE}))
          | (?<=@)(?P<user>/(?: {_braces("u")}(?P<ug>{_GLUE}) | (?P<uw>[A-Za-z0-9]++) ))
          | (?<=\\)(?P<br>\\)
        )
    )
    """


INLINE_TOKEN = re.compile(_token_pattern(short_forms=True), re.VERBOSE)

#: The same grammar without the one-token forms: what the short forms must agree with (the
#: tests render with both and compare).
LONG_FORMS_ONLY = re.compile(_token_pattern(short_forms=False), re.VERBOSE)
