//! Facets: the ways to narrow the takeaway list (event, year, region, author, theme, project),
//! their options with live counts, and the selection a URL names.
//!
//! Selection is AND across facets and OR within one. An option's count is how many takeaways
//! it would leave if it were selected too: the takeaways that pass every *other* facet and have
//! that option (the usual disjunctive faceting), so counts never depend on the facet's own picks.

use rustc_hash::FxHashMap;

use crate::model::ids::latin_slug;
use crate::model::{Names, OutlinedBundle};

/// One way to narrow the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Facet {
    Event,
    Year,
    Region,
    Author,
    Theme,
    Project,
}

impl Facet {
    /// Every facet, in the order the app shows them and URLs list them.
    pub const ALL: [Facet; 6] = [Facet::Event, Facet::Year, Facet::Region, Facet::Author, Facet::Theme, Facet::Project];

    /// The URL query parameter that holds this facet's selected values, comma-separated.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Event => "event",
            Facet::Year => "year",
            Facet::Region => "region",
            Facet::Author => "author",
            Facet::Theme => "theme",
            Facet::Project => "project",
        }
    }

    /// The facet's name in the UI.
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            Facet::Event => ("大会", "Event"),
            Facet::Year => ("年份", "Year"),
            Facet::Region => ("地区", "Region"),
            Facet::Author => ("作者", "Author"),
            Facet::Theme => ("主题", "Theme"),
            Facet::Project => ("项目", "Project"),
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// One value a facet can take.
#[derive(Debug, Clone, PartialEq)]
pub struct FacetOption {
    /// What the URL holds: an event, theme or project id, a year, a region slug, an author name.
    pub value: String,
    pub label: Names,
    /// How many takeaways have it, with no selection.
    pub total: usize,
}

/// The options of every facet and which of them each takeaway has, computed once per bundle.
#[derive(Debug, Clone)]
pub struct Facets {
    options: [Vec<FacetOption>; 6],
    /// Per facet, per takeaway: the indices of the options it has.
    has: [Has; 6],
}

/// Per takeaway (or, while a facet is built, per article), the indices of the options it has of
/// one facet, ascending: takeaway `t`'s are `options[starts[t]..starts[t + 1]]`. One list for
/// every takeaway, not one per takeaway, of which a large corpus would allocate six per takeaway
/// at start-up.
#[derive(Debug, Clone, Default)]
struct Has {
    starts: Vec<u32>,
    options: Vec<u32>,
}

/// Selected option indices per facet (sorted, no duplicates).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection([Vec<u32>; 6]);

/// The facets made one at a time, so that the app can make each in a task of its own: a facet
/// goes through every article or takeaway, which over thousands takes the main thread for a frame
/// or more.
#[derive(Default)]
pub struct FacetsInSteps {
    options: [Vec<FacetOption>; 6],
    has: [Has; 6],
    /// How many of [`Facet::ALL`] are made.
    count: usize,
}

impl FacetsInSteps {
    /// Makes the next facet; whether any is left.
    pub fn step(&mut self, bundle: &OutlinedBundle) -> bool {
        if let Some(&facet) = Facet::ALL.get(self.count) {
            (self.options[facet.index()], self.has[facet.index()]) = build_facet(bundle, facet);
            self.count += 1;
        }
        self.count < Facet::ALL.len()
    }

    /// The facets, those left made now.
    pub fn finish(mut self, bundle: &OutlinedBundle) -> Facets {
        while self.step(bundle) {}
        Facets { options: self.options, has: self.has }
    }
}

impl Facets {
    pub fn new(bundle: &OutlinedBundle) -> Facets {
        FacetsInSteps::default().finish(bundle)
    }

    /// The facet's options, in display order (dates newest first, others most used first).
    pub fn options(&self, facet: Facet) -> &[FacetOption] {
        &self.options[facet.index()]
    }

    /// The option indices `takeaway` has for `facet`.
    pub fn of(&self, facet: Facet, takeaway: usize) -> &[u32] {
        self.has[facet.index()].of(takeaway)
    }

    /// The selection a URL names: for each facet, `value(facet.key())` holds comma-separated
    /// option values. Values no option has are returned as `facet key=value`, for a notice.
    pub fn parse(&self, value: impl Fn(&str) -> Option<String>) -> (Selection, Vec<String>) {
        let mut selection = Selection::default();
        let mut unknown = Vec::new();
        for facet in Facet::ALL {
            let Some(raw) = value(facet.key()) else { continue };
            for wanted in facet_values(&raw) {
                match self.options(facet).iter().position(|o| o.value == wanted) {
                    Some(index) => selection.insert(facet, index as u32),
                    None => unknown.push(format!("{}={wanted}", facet.key())),
                }
            }
        }
        (selection, unknown)
    }

    /// The URL query parameters of `selection` (facet key, comma-separated values), in facet order.
    pub fn params(&self, selection: &Selection) -> Vec<(&'static str, String)> {
        Facet::ALL
            .into_iter()
            .filter(|f| !selection.get(*f).is_empty())
            .map(|f| {
                let values: Vec<&str> =
                    selection.get(f).iter().map(|&o| self.options(f)[o as usize].value.as_str()).collect();
                (f.key(), values.join(","))
            })
            .collect()
    }

    /// Whether `takeaway` passes every facet of `selection` except `skip`.
    pub(super) fn passes(&self, selection: &Selection, takeaway: usize, skip: Option<Facet>) -> bool {
        Facet::ALL.into_iter().filter(|&f| Some(f) != skip).all(|f| {
            let wanted = selection.get(f);
            wanted.is_empty() || self.of(f, takeaway).iter().any(|o| wanted.binary_search(o).is_ok())
        })
    }

    /// The takeaways among `candidates` that pass `selection`, in the same order.
    pub fn filter(&self, candidates: &[usize], selection: &Selection) -> Vec<usize> {
        // Nothing selected: each would pass, and a search's candidates are most takeaways.
        if selection.is_empty() {
            return candidates.to_vec();
        }
        candidates.iter().copied().filter(|&t| self.passes(selection, t, None)).collect()
    }

    /// Per facet, per option: how many takeaways have it, the counts of every takeaway with
    /// nothing selected (which [`Facets::counts`] would go through every takeaway for).
    pub fn totals(&self) -> [Vec<usize>; 6] {
        Facet::ALL.map(|facet| self.options(facet).iter().map(|o| o.total).collect())
    }

    /// Per facet, per option: how many of `candidates` would remain with that option selected too.
    pub fn counts(&self, candidates: &[usize], selection: &Selection) -> [Vec<usize>; 6] {
        let mut counts: [Vec<usize>; 6] = Default::default();
        for facet in Facet::ALL {
            counts[facet.index()] = vec![0; self.options(facet).len()];
        }
        let picked: Vec<Facet> = Facet::ALL.into_iter().filter(|&f| !selection.get(f).is_empty()).collect();
        for &t in candidates {
            let mut failing = picked.iter().filter(|&&f| {
                let wanted = selection.get(f);
                !self.of(f, t).iter().any(|o| wanted.binary_search(o).is_ok())
            });
            // A takeaway failing two facets stays out whatever one facet selects.
            let counted = match (failing.next(), failing.next()) {
                (None, _) => &Facet::ALL[..],
                (Some(only), None) => std::slice::from_ref(only),
                (Some(_), Some(_)) => continue,
            };
            for &facet in counted {
                for &o in self.of(facet, t) {
                    counts[facet.index()][o as usize] += 1;
                }
            }
        }
        counts
    }
}

impl Selection {
    pub fn get(&self, facet: Facet) -> &[u32] {
        &self.0[facet.index()]
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Vec::is_empty)
    }

    pub fn contains(&self, facet: Facet, option: u32) -> bool {
        self.get(facet).binary_search(&option).is_ok()
    }

    pub fn insert(&mut self, facet: Facet, option: u32) {
        let picked = &mut self.0[facet.index()];
        if let Err(at) = picked.binary_search(&option) {
            picked.insert(at, option);
        }
    }

    /// The selection with `option` of `facet` switched on or off.
    pub fn toggled(&self, facet: Facet, option: u32) -> Selection {
        let mut next = self.clone();
        let picked = &mut next.0[facet.index()];
        match picked.binary_search(&option) {
            Ok(at) => {
                picked.remove(at);
            }
            Err(at) => picked.insert(at, option),
        }
        next
    }

    /// The selection without any pick in `facet`.
    pub fn cleared(&self, facet: Facet) -> Selection {
        let mut next = self.clone();
        next.0[facet.index()].clear();
        next
    }
}

/// The option values a URL's value of a facet names: comma-separated, blanks ignored.
pub fn facet_values(raw: &str) -> impl Iterator<Item = &str> {
    raw.split(',').map(str::trim).filter(|v| !v.is_empty())
}

/// The options of one facet and, per takeaway, the ones it has. Values are gathered, counted and
/// put in order per article where they are the article's (event, year, region, authors), then
/// copied to its takeaways, rather than per takeaway: that is what keeps start-up fast on large
/// corpora. The themes' and projects' of the first page's outline are counted by its totals
/// (see [`OutlinedBundle::first_page_totals`]), its takeaways' being the first page's alone.
fn build_facet(bundle: &OutlinedBundle, facet: Facet) -> (Vec<FacetOption>, Has) {
    let mut options = Options::default();
    // Each takeaway's options are those of its unit: itself, or its article.
    let (units, by_article) = match facet {
        Facet::Theme => {
            let of: Vec<u32> = bundle.themes.iter().map(|t| options.intern(&t.id, || t.name.clone())).collect();
            (Has::of_each(bundle.takeaways.iter().map(|t| t.themes.iter().map(|&m| of[m.get()]))), false)
        }
        Facet::Project => {
            let of: Vec<u32> = bundle.projects.iter().map(|p| options.intern(&p.id, || same(&p.name))).collect();
            (Has::of_each(bundle.takeaways.iter().map(|t| t.projects.iter().map(|&p| of[p.get()]))), false)
        }
        _ => {
            let of_article = bundle.articles.iter().map(|article| {
                let event = bundle.event_of(article);
                let options: Vec<u32> = match facet {
                    Facet::Event => event.map(|e| options.intern(&e.id, || e.short_name())).into_iter().collect(),
                    Facet::Year => {
                        let date = event.map(|e| e.start.as_str()).or(article.date.as_deref()).unwrap_or_default();
                        let year = date.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit()));
                        year.map(|y| options.intern(y, || same(y))).into_iter().collect()
                    }
                    Facet::Region => event
                        .map(|e| options.intern(&latin_slug(&e.region.en, 4), || e.region.clone()))
                        .into_iter()
                        .collect(),
                    _ => article.authors.iter().map(|a| options.intern(a, || same(a))).collect(),
                };
                options.into_iter()
            });
            (Has::of_each(of_article), true)
        }
    };

    // Count (a unit's options once for each of its takeaways), drop the options no takeaway has,
    // and put the rest in display order.
    let weights = match by_article {
        true => {
            let mut takeaways = vec![0; bundle.articles.len()];
            bundle.takeaways.iter().for_each(|t| takeaways[t.article.get()] += 1);
            takeaways
        }
        false => vec![1; bundle.takeaways.len()],
    };
    // A theme's or project's option is its position: each is interned once, in order.
    let given = bundle.first_page_totals.as_ref().and_then(|totals| match facet {
        Facet::Theme => Some(&totals.themes),
        Facet::Project => Some(&totals.projects),
        _ => None,
    });
    let mut totals = vec![0; options.list.len()];
    match given {
        Some(given) => totals.iter_mut().zip(given).for_each(|(total, &given)| *total = given),
        None => weights.iter().enumerate().for_each(|(unit, &weight)| {
            units.of(unit).iter().for_each(|&o| totals[o as usize] += weight);
        }),
    }
    let mut order: Vec<usize> = (0..options.list.len()).filter(|&o| totals[o] > 0).collect();
    let list = &options.list;
    match facet {
        // Newest first, as the list is.
        Facet::Event => crate::model::order::sort_by_key(&mut order, |&o| {
            std::cmp::Reverse(bundle.events.iter().position(|e| e.id == list[o].0))
        }),
        Facet::Year => crate::model::order::sort_by(&mut order, |&a, &b| list[b].0.cmp(&list[a].0)),
        _ => crate::model::order::sort_by(&mut order, |&a, &b| {
            totals[b].cmp(&totals[a]).then_with(|| list[a].0.cmp(&list[b].0))
        }),
    }
    let mut renumbered = vec![0u32; list.len()];
    order.iter().enumerate().for_each(|(new, &old)| renumbered[old] = new as u32);
    let units = units.renumbered(&renumbered);
    let has = match by_article {
        true => Has::of_each(bundle.takeaways.iter().map(|t| units.of(t.article.get()).iter().copied())),
        false => units,
    };
    let options = order
        .into_iter()
        .map(|o| FacetOption { value: list[o].0.clone(), label: list[o].1.clone(), total: totals[o] })
        .collect();
    (options, has)
}

impl Has {
    /// From each takeaway's (or article's) options, in order, each once as the counts have it (an
    /// article may name an author twice): a takeaway's options are a few, so a scan finds
    /// the repeats.
    fn of_each<I: Iterator<Item = u32>>(takeaways: impl Iterator<Item = I>) -> Has {
        let mut has = Has { starts: vec![0], options: Vec::new() };
        for options in takeaways {
            let start = has.options.len();
            for option in options {
                if !has.options[start..].contains(&option) {
                    has.options.push(option);
                }
            }
            has.starts.push(has.options.len() as u32);
        }
        has
    }

    fn of(&self, takeaway: usize) -> &[u32] {
        &self.options[self.starts[takeaway] as usize..self.starts[takeaway + 1] as usize]
    }

    /// Each option numbered `renumbered[option]` instead, each takeaway's (article's) ascending
    /// and once.
    fn renumbered(&self, renumbered: &[u32]) -> Has {
        let mut has = Has { starts: vec![0], options: Vec::with_capacity(self.options.len()) };
        let mut one = Vec::new();
        for takeaway in 0..self.starts.len() - 1 {
            one.clear();
            one.extend(self.of(takeaway).iter().map(|&o| renumbered[o as usize]));
            one.sort_unstable();
            one.dedup();
            has.options.extend_from_slice(&one);
            has.starts.push(has.options.len() as u32);
        }
        has
    }
}

/// A facet's distinct values, numbered in the order they are first met.
#[derive(Default)]
struct Options {
    list: Vec<(String, Names)>,
    numbers: FxHashMap<String, u32>,
}

impl Options {
    fn intern(&mut self, value: &str, label: impl FnOnce() -> Names) -> u32 {
        if let Some(&number) = self.numbers.get(value) {
            return number;
        }
        let number = self.list.len() as u32;
        self.numbers.insert(value.to_owned(), number);
        self.list.push((value.to_owned(), label()));
        number
    }
}

/// A name that reads the same in both languages.
fn same(text: &str) -> Names {
    Names { zh: text.to_owned(), en: text.to_owned() }
}
