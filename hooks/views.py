"""What each generated page shows, per language, as plain data for the templates.

Python hands over data, never HTML: every string here is raw text, and the
templates escape it (they run inside ``{% autoescape true %}``). URLs are
site-root-relative, for MkDocs' ``url`` filter. Pure: no MkDocs imports.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from datetime import date
from math import ceil

import l10n
import routes
from contenttypes import Post, Talk
from l10n import Translator
from library import Library, status
from sitedata import SiteData


@dataclass(frozen=True)
class LanguageLink:
    lang: str
    name: str
    url: str


@dataclass(frozen=True)
class ThemeLink:
    id: str
    name: str
    url: str


@dataclass(frozen=True)
class EssayCard:
    slug: str
    title: str
    url: str
    date_iso: str
    date_text: str
    reading_text: str
    summary: str
    status: str | None = None
    status_text: str = ""
    themes: tuple[ThemeLink, ...] = ()


@dataclass(frozen=True)
class EssayView:
    card: EssayCard
    updated_iso: str = ""
    updated_text: str = ""
    translations: tuple[LanguageLink, ...] = ()
    related: tuple[EssayCard, ...] = ()
    talks: tuple[TalkCard, ...] = ()  # talks that share its themes


@dataclass(frozen=True)
class ThemePage:
    link: ThemeLink
    description: str
    count_text: str
    cards: tuple[EssayCard, ...]


@dataclass(frozen=True)
class Listing:
    cards: tuple[EssayCard, ...]
    page: int
    pages: int
    newer_url: str | None
    older_url: str | None


@dataclass(frozen=True)
class YearGroup:
    year: int
    count_text: str
    cards: tuple[EssayCard, ...]


@dataclass(frozen=True)
class TalkCard:
    slug: str
    title: str
    url: str
    summary: str
    durations_text: str
    formats_text: str
    languages_text: str
    audience: tuple[str, ...] = ()
    status_text: str = ""
    themes: tuple[ThemeLink, ...] = ()


@dataclass(frozen=True)
class TalkView:
    card: TalkCard
    translations: tuple[LanguageLink, ...] = ()


@dataclass(frozen=True)
class Option:
    """One choice in a form's list: the text shown is also the value sent, since the
    consultant reads the inquiry ("Holdning som merkes", not a slug)."""

    text: str
    slug: str = ""  # a talk's slug, for "request this talk" links (?talk=<slug>)


@dataclass(frozen=True)
class InquiryForm:
    """What the inquiry page offers, all of it from talks/ and the data files.

    Attributes:
        talks: Every talk of the language, by title (the title is what the
            consultant reads in the inquiry); a tailored talk is added by the template.
        formats: Every format in formats.yml, by localized name.
        languages: Every language some talk can be given in, by localized name;
            the site's languages first.
        endpoint: The form service's address, or "" to send by e-mail.
        email: The address for the e-mail route ("" if only the endpoint is set).
    """

    talks: tuple[Option, ...]
    formats: tuple[Option, ...]
    languages: tuple[Option, ...]
    endpoint: str
    email: str
    page_language: str = ""  # preselected delivery language: the page's own


@dataclass(frozen=True)
class Home:
    latest: tuple[EssayCard, ...]
    talks: tuple[TalkCard, ...]


@dataclass
class LanguageViews:
    """All views of one language, built once per language build.

    Args:
        library: Every valid essay and talk.
        data: Themes, formats and UI strings.
        lang: The language being built.
        default: The default language (served at the site root).
        t: The UI strings of *lang*.
        today: The build's date; later essays are scheduled, not published.
        preview: Include drafts and scheduled items (``mkdocs serve``), marked as such.
        themes_of: The themes of each essay, strongest first, by ``(slug, lang)``:
            the author's list where given, otherwise the tagger's.
        per_page: Essays per page of the essay list.
        latest: Essays on the home page.
        related_count: Related essays under each essay.
    """

    library: Library
    data: SiteData
    lang: str
    default: str
    t: Translator
    today: date
    preview: bool = False
    themes_of: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    per_page: int = 10
    latest: int = 5
    related_count: int = 3
    _cards: dict[str, EssayCard] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.posts = [p for p in self.library.posts_in(self.lang) if self._shown(p)]
        self.talks = [t for t in self.library.talks_in(self.lang) if self._shown(t)]
        self.post_by_slug = {p.slug: p for p in self.posts}
        self.talk_by_slug = {t.slug: t for t in self.talks}
        self.theme_links = {
            term.id: ThemeLink(
                term.id, term.name[self.lang], routes.theme_url(term.id, self.lang, self.default)
            )
            for term in self.data.themes.values()
        }
        self._cards = {p.slug: self._essay_card(p) for p in self.posts}
        self._talk_cards = {t.slug: self._talk_card(t) for t in self.talks}
        self.home_url = routes.home_url(self.lang, self.default)
        self.essays_url = routes.essay_list_url(1, self.lang, self.default)
        self.archive_url = routes.archive_url(self.lang, self.default)
        self.talks_url = routes.talk_list_url(self.lang, self.default)
        self.themes_url = routes.theme_list_url(self.lang, self.default)
        self.inquiry_url = routes.inquiry_url(self.lang, self.default)
        self.feed_url = routes.feed_url(self.lang, self.default)
        self.thanks_url = routes.thanks_url(self.lang, self.default)
        # Essays grouped by their exact set of themes, newest first, for `related`.
        self._by_theme_set: dict[frozenset[str], list[Post]] = {}
        for post in self.posts:
            self._by_theme_set.setdefault(frozenset(self.themes(post)), []).append(post)

    def card(self, slug: str) -> EssayCard:
        """The card of a shown essay: title, URL, dates, summary, themes."""
        return self._cards[slug]

    # -- what is published ------------------------------------------------------------

    def _shown(self, item: Post | Talk) -> bool:
        return self.preview or status(item, self.today) is None

    def _status_text(self, item: Post | Talk) -> tuple[str | None, str]:
        state = status(item, self.today)
        if state == "scheduled":
            assert isinstance(item, Post)
            return state, self.t("status.scheduled", date=l10n.long_date(item.date, self.lang))
        if state == "draft":
            return state, self.t("status.draft")
        return None, ""

    def _translations(self, item: Post | Talk) -> tuple[LanguageLink, ...]:
        url = routes.essay_url if isinstance(item, Post) else routes.talk_url
        return tuple(
            LanguageLink(
                o.lang, l10n.language_name(o.lang, self.lang), url(o.slug, o.lang, self.default)
            )
            for o in sorted(
                self.library.translations(item), key=lambda o: self.data.languages.index(o.lang)
            )
            if self._shown(o)
        )

    # -- themes -----------------------------------------------------------------------

    def themes(self, post: Post) -> tuple[str, ...]:
        """The essay's themes that the site knows, strongest first."""
        return tuple(
            t for t in self.themes_of.get((post.slug, post.lang), ()) if t in self.theme_links
        )

    def theme(self, theme_id: str) -> ThemePage:
        """A theme with its essays, newest first."""
        term = self.data.themes[theme_id]
        cards = tuple(self._cards[p.slug] for p in self.posts if theme_id in self.themes(p))
        return ThemePage(
            link=self.theme_links[theme_id],
            description=term.description[self.lang],
            count_text=self.t("archive.count", count=len(cards)),
            cards=cards,
        )

    def theme_list(self) -> tuple[ThemePage, ...]:
        return tuple(self.theme(theme_id) for theme_id in self.data.themes)

    def related(self, post: Post) -> tuple[EssayCard, ...]:
        """Other essays in this language: most shared themes first, then the newest.

        Never the essay itself; its translations are in other languages. Essays
        are grouped by their exact theme set, so this costs one pass over the
        (few) sets rather than over every essay.
        """
        mine = frozenset(self.themes(post))
        by_shared: dict[int, list[list[Post]]] = {}
        for theme_set, group in self._by_theme_set.items():
            by_shared.setdefault(len(mine & theme_set), []).append(group)
        picked: list[Post] = []
        for shared in sorted(by_shared, reverse=True):
            newest_first = heapq.merge(
                *by_shared[shared], key=lambda p: (-p.date.toordinal(), p.title)
            )
            for other in newest_first:
                if other.slug != post.slug:
                    picked.append(other)
                    if len(picked) == self.related_count:
                        return tuple(self._cards[p.slug] for p in picked)
        return tuple(self._cards[p.slug] for p in picked)

    # -- essays -----------------------------------------------------------------------

    def _essay_card(self, post: Post) -> EssayCard:
        state, text = self._status_text(post)
        return EssayCard(
            slug=post.slug,
            title=post.title,
            url=routes.essay_url(post.slug, post.lang, self.default),
            date_iso=post.date.isoformat(),
            date_text=l10n.long_date(post.date, self.lang),
            reading_text=self.t(
                "essay.reading_time", duration=l10n.minutes(post.reading_minutes, self.lang)
            ),
            summary=post.summary,
            status=state,
            status_text=text,
            themes=tuple(self.theme_links[t] for t in self.themes(post)),
        )

    def essay(self, slug: str) -> EssayView:
        post = self.post_by_slug[slug]
        return EssayView(
            card=self._cards[slug],
            updated_iso=post.updated.isoformat() if post.updated else "",
            updated_text=l10n.long_date(post.updated, self.lang) if post.updated else "",
            translations=self._translations(post),
            related=self.related(post),
            talks=self.talks_for(post),
        )

    @property
    def page_count(self) -> int:
        return max(1, ceil(len(self.posts) / self.per_page))

    def listing(self, page: int) -> Listing:
        start = (page - 1) * self.per_page
        cards = tuple(self._cards[p.slug] for p in self.posts[start : start + self.per_page])
        return Listing(
            cards=cards,
            page=page,
            pages=self.page_count,
            newer_url=routes.essay_list_url(page - 1, self.lang, self.default)
            if page > 1
            else None,
            older_url=(
                routes.essay_list_url(page + 1, self.lang, self.default)
                if page < self.page_count
                else None
            ),
        )

    def archive(self) -> tuple[YearGroup, ...]:
        years: dict[int, list[EssayCard]] = {}
        for post in self.posts:
            years.setdefault(post.date.year, []).append(self._cards[post.slug])
        return tuple(
            YearGroup(year, self.t("archive.count", count=len(cards)), tuple(cards))
            for year, cards in sorted(years.items(), reverse=True)
        )

    def home(self) -> Home:
        return Home(
            latest=tuple(self._cards[p.slug] for p in self.posts[: self.latest]),
            talks=tuple(self._talk_cards.values()),
        )

    # -- talks ------------------------------------------------------------------------

    def _talk_card(self, talk: Talk) -> TalkCard:
        lang = self.lang
        _, text = self._status_text(talk)
        *shorter, longest = talk.durations
        durations = l10n.join(
            [*(str(m) for m in shorter), l10n.minutes(longest, lang, length="long")],
            lang,
            style="or",
        )
        return TalkCard(
            slug=talk.slug,
            title=talk.title,
            url=routes.talk_url(talk.slug, lang, self.default),
            summary=talk.summary,
            durations_text=durations,
            formats_text=l10n.join((self.data.formats[f].name[lang] for f in talk.formats), lang),
            languages_text=l10n.join((l10n.language_name(c, lang) for c in talk.languages), lang),
            audience=talk.audience,
            status_text=text,
            themes=tuple(self.theme_links[t] for t in talk.themes if t in self.theme_links),
        )

    def talk(self, slug: str) -> TalkView:
        talk = self.talk_by_slug[slug]
        return TalkView(card=self._talk_cards[slug], translations=self._translations(talk))

    def talk_list(self) -> tuple[TalkCard, ...]:
        return tuple(self._talk_cards.values())

    def talks_for(self, post: Post) -> tuple[TalkCard, ...]:
        """Talks that share a theme with the essay: most shared themes first, then
        in catalog order. Empty when none does (the essay then points to the inquiry page)."""
        mine = set(self.themes(post))
        shared = {t.slug: len(mine.intersection(t.themes)) for t in self.talks}
        ranked = sorted((t for t in self.talks if shared[t.slug]), key=lambda t: -shared[t.slug])
        return tuple(self._talk_cards[t.slug] for t in ranked)

    def _language_name(self, code: str) -> str:
        name = l10n.language_name(code, self.lang)  # 'svensk': a list item starts upper-case
        return name[:1].upper() + name[1:]

    def inquiry_form(self, endpoint: str, email: str) -> InquiryForm:
        codes = dict.fromkeys(code for talk in self.talks for code in talk.languages)
        site_first = sorted(
            codes,
            key=lambda c: (
                self.data.languages.index(c) if c in self.data.languages else len(codes),
                l10n.language_name(c, self.lang),
            ),
        )
        return InquiryForm(
            talks=tuple(Option(t.title, t.slug) for t in self.talks),
            formats=tuple(Option(term.name[self.lang]) for term in self.data.formats.values()),
            languages=tuple(Option(name) for name in map(self._language_name, site_first)),
            endpoint=endpoint,
            email=email,
            page_language=self._language_name(self.lang) if self.lang in codes else "",
        )
