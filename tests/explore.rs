//! Tests of what the explorer computes on the seed corpus, natively: facet options and live
//! counts, the selection a URL names, related takeaways, and the export formats.

mod common;

use common::seeds;

use takeaways::explore::export::{export, takeaway_markdown, Format};
use takeaways::explore::facets::{Facet, Facets, FacetsInSteps, Selection};
use takeaways::explore::listing::list_order;
use takeaways::explore::related::related;
use takeaways::explore::url::{query_target, toggled_target, ListState, Query};
use takeaways::model::Bundle;

fn all(bundle: &Bundle) -> Vec<usize> {
    (0..bundle.takeaways.len()).collect()
}

/// The selection of the given `(facet key, values)` URL parameters.
fn selected(facets: &Facets, params: &[(&str, &str)]) -> Selection {
    let (selection, unknown) = facets.parse(|key| params.iter().find(|(k, _)| *k == key).map(|(_, v)| v.to_string()));
    assert!(unknown.is_empty(), "{unknown:?}");
    selection
}

fn count_of(facets: &Facets, counts: &[Vec<usize>; 6], facet: Facet, value: &str) -> usize {
    let at = facets.options(facet).iter().position(|o| o.value == value).unwrap();
    counts[Facet::ALL.iter().position(|&f| f == facet).unwrap()][at]
}

#[test]
fn the_facets_are_made_one_a_step() {
    let bundle = seeds();
    let mut steps = FacetsInSteps::default();
    let mut count = 1;
    while steps.step(&bundle) {
        count += 1;
    }
    assert_eq!(count, Facet::ALL.len());
    let facets = steps.finish(&bundle);
    for facet in Facet::ALL {
        let totals = |f: &Facets| f.options(facet).iter().map(|o| (o.value.clone(), o.total)).collect::<Vec<_>>();
        assert_eq!(totals(&facets), totals(&Facets::new(&bundle)), "{facet:?}");
        assert!(!facets.options(facet).is_empty(), "{facet:?}");
    }
}

#[test]
fn facets_list_every_event_year_region_and_author_with_totals() {
    let bundle = seeds();
    let facets = Facets::new(&bundle);
    let events: Vec<&str> = facets.options(Facet::Event).iter().map(|o| o.value.as_str()).collect();
    assert_eq!(events, ["2024-eu-paris", "2023-na-chicago", "2019-eu-barcelona"]);
    let years: Vec<(&str, usize)> = facets.options(Facet::Year).iter().map(|o| (o.value.as_str(), o.total)).collect();
    assert_eq!(years, [("2024", 14), ("2023", 15), ("2019", 10)]);
    let regions: Vec<&str> = facets.options(Facet::Region).iter().map(|o| o.value.as_str()).collect();
    assert_eq!(regions, ["europe", "north-america"]);
    assert_eq!(facets.options(Facet::Author)[0].value, "Daniel Bryant");
    // Every takeaway has an event, and the totals add up.
    let total: usize = facets.options(Facet::Event).iter().map(|o| o.total).sum();
    assert_eq!(total, bundle.takeaways.len());
}

/// With nothing selected, the counts of every takeaway are the options' totals (what the list
/// shows without counting), an author an article names twice included.
#[test]
fn every_takeaways_counts_with_nothing_selected_are_the_totals() {
    let mut twice = seeds();
    let author = twice.articles[0].authors[0].clone();
    twice.bundle.articles[0].authors.push(author);
    for bundle in [seeds().bundle, twice.bundle, common::synthetic(100).bundle] {
        let facets = Facets::new(&bundle);
        assert_eq!(facets.counts(&all(&bundle), &Selection::default()), facets.totals());
    }
}

#[test]
fn the_list_is_newest_event_first_each_articles_takeaways_in_order() {
    for bundle in [seeds(), common::synthetic(100)] {
        let mut sorted = all(&bundle);
        sorted.sort_by_key(|&t| std::cmp::Reverse(bundle.takeaways[t].article));
        let order = list_order(&bundle);
        assert_eq!(order, sorted);
        let newest = bundle.takeaways[order[0]].article;
        assert_eq!(newest.get(), bundle.articles.len() - 1);
    }
}

#[test]
fn selection_is_and_across_facets_or_within_one() {
    let bundle = seeds();
    let facets = Facets::new(&bundle);
    let everything = all(&bundle);
    let platform = selected(&facets, &[("theme", "platform-engineering")]);
    let with_platform = facets.filter(&everything, &platform);
    assert!(with_platform.len() >= 5, "{with_platform:?}");

    let in_2019 = selected(&facets, &[("theme", "platform-engineering"), ("year", "2019")]);
    assert_eq!(facets.filter(&everything, &in_2019), Vec::<usize>::new(), "no platform engineering in 2019");

    let two_years = selected(&facets, &[("year", "2019,2023")]);
    assert_eq!(facets.filter(&everything, &two_years).len(), 25);
}

/// Every option's count, under selections of one, two and three facets, some of whose picks
/// leave nothing, is how many takeaways selecting that option too (alone in its facet) would
/// list: the definition, by filtering, against the counting.
#[test]
fn every_count_is_what_selecting_its_option_would_list() {
    let bundle = seeds();
    let facets = Facets::new(&bundle);
    let everything = all(&bundle);
    let mut selections = vec![Selection::default()];
    for (at, first) in Facet::ALL.into_iter().enumerate() {
        for second in Facet::ALL.into_iter().skip(at) {
            for option in 0..facets.options(first).len().min(3) as u32 {
                let one = Selection::default().toggled(first, option);
                let two = one.toggled(second, (option + 1) % facets.options(second).len() as u32);
                let three = two.toggled(Facet::Theme, 0);
                selections.extend([one, two, three]);
            }
        }
    }
    for selection in &selections {
        let counts = facets.counts(&everything, selection);
        for facet in Facet::ALL {
            for (option, &count) in counts[facet as usize].iter().enumerate() {
                let alone = selection.cleared(facet).toggled(facet, option as u32);
                assert_eq!(count, facets.filter(&everything, &alone).len(), "{facet:?} {option} under {selection:?}");
            }
        }
    }
}

#[test]
fn counts_ignore_their_own_facet_and_follow_the_others() {
    let bundle = seeds();
    let facets = Facets::new(&bundle);
    let everything = all(&bundle);
    let platform = selected(&facets, &[("theme", "platform-engineering")]);
    let counts = facets.counts(&everything, &platform);
    // Year counts follow the theme: platform engineering is absent in 2019.
    assert_eq!(count_of(&facets, &counts, Facet::Year, "2019"), 0);
    assert!(count_of(&facets, &counts, Facet::Year, "2023") > 0);
    // Theme counts ignore the theme's own pick: other themes keep their full counts.
    let security = facets.options(Facet::Theme).iter().find(|o| o.value == "security").unwrap();
    assert_eq!(count_of(&facets, &counts, Facet::Theme, "security"), security.total);
    // Each year's count is exactly what selecting it would list.
    for option in facets.options(Facet::Year) {
        let both = selected(&facets, &[("theme", "platform-engineering"), ("year", &option.value)]);
        assert_eq!(count_of(&facets, &counts, Facet::Year, &option.value), facets.filter(&everything, &both).len());
    }
}

#[test]
fn urls_round_trip_and_unknown_values_are_reported() {
    let bundle = seeds();
    let facets = Facets::new(&bundle);
    let selection = selected(&facets, &[("theme", "security,platform-engineering"), ("event", "2023-na-chicago")]);
    let params = facets.params(&selection);
    assert_eq!(params[0], ("event", "2023-na-chicago".to_owned()));
    assert_eq!(params[1].0, "theme");
    let again = facets.parse(|key| params.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone())).0;
    assert_eq!(again, selection);

    let (selection, unknown) = facets.parse(|key| match key {
        "theme" => Some("security,nope".into()),
        "project" => Some(",,".into()),
        _ => None,
    });
    assert_eq!(selection.get(Facet::Theme).len(), 1);
    assert_eq!(unknown, ["theme=nope"]);

    // A query searched as typed says so; typing another query drops it.
    let state = ListState::from_params(&facets, &Query::parse("q=kubernets&literal=1&theme=security"));
    assert!(state.literal);
    assert_eq!(state.target(&facets), "/?q=kubernets&literal=1&theme=security");
    assert_eq!(ListState::from_params(&facets, &Query::parse(&state.target(&facets)[2..])), state);
    assert_eq!(state.with_query("kubernetes", false).target(&facets), "/?q=kubernetes&theme=security");
    assert_eq!(query_target(&Query::parse("q=kubernets&literal=1&theme=security"), "kube"), "/?q=kube&theme=security");

    // A checkbox toggled before the facets are known: the URL's values, that one added or taken
    // out, the query kept, the list from its first page; the same selection as the facets make.
    let params = Query::parse("q=%E5%B9%B3%E5%8F%B0&literal=1&year=2023&theme=security&n=40");
    let added = toggled_target(&params, Facet::Year, "2024");
    assert_eq!(added, "/?q=%E5%B9%B3%E5%8F%B0&literal=1&year=2023,2024&theme=security");
    let state = ListState::from_params(&facets, &params);
    let year = facets.options(Facet::Year).iter().position(|o| o.value == "2024").unwrap() as u32;
    let toggled = state.with_selection(state.selection.toggled(Facet::Year, year));
    assert_eq!(ListState::from_params(&facets, &Query::parse(&added[2..])), toggled);
    assert_eq!(toggled_target(&params, Facet::Theme, "security"), "/?q=%E5%B9%B3%E5%8F%B0&literal=1&year=2023");
    assert_eq!(toggled_target(&Query::parse(""), Facet::Author, "张 三"), "/?author=%E5%BC%A0%20%E4%B8%89");
}

#[test]
fn related_takeaways_share_themes_or_projects_and_come_from_other_events_first() {
    let bundle = seeds();
    for index in 0..bundle.takeaways.len() {
        let this = &bundle.takeaways[index];
        let event = bundle.article(this.article).event;
        let found = related(&bundle, index, 6);
        let mut seen_same_event = false;
        for &r in &found {
            let other = &bundle.takeaways[r];
            assert_ne!(other.article, this.article);
            let shares = other.themes.iter().any(|m| this.themes.iter().any(|n| n == m))
                || other.projects.iter().any(|p| this.projects.contains(p));
            assert!(shares, "{} is not related to {}", bundle.title(r).id, bundle.title(index).id);
            let same_event = bundle.article(other.article).event == event;
            assert!(!seen_same_event || same_event, "other events come first for {}", bundle.title(index).id);
            seen_same_event |= same_event;
        }
    }
    let devops = bundle.titles.iter().position(|t| t.title.starts_with("DevOps")).unwrap();
    assert!(!related(&bundle, devops, 6).is_empty());
}

/// What a scan of every takeaway ranks first: the shared-theme-or-project score (a project
/// counts 3, a theme 2), other events first, then the score, then corpus order.
fn related_by_scanning(bundle: &Bundle, index: usize, limit: usize) -> Vec<usize> {
    let this = &bundle.takeaways[index];
    let event = bundle.article(this.article).event;
    let mut scored: Vec<(bool, std::cmp::Reverse<usize>, usize)> = (0..bundle.takeaways.len())
        .filter(|&o| bundle.takeaways[o].article != this.article)
        .filter_map(|o| {
            let other = &bundle.takeaways[o];
            let themes = other.themes.iter().filter(|&m| this.themes.contains(m)).count();
            let projects = other.projects.iter().filter(|p| this.projects.contains(p)).count();
            let score = 2 * themes + 3 * projects;
            (score > 0).then_some((bundle.article(other.article).event == event, std::cmp::Reverse(score), o))
        })
        .collect();
    scored.sort();
    scored.into_iter().take(limit).map(|(_, _, o)| o).collect()
}

#[test]
fn related_takeaways_are_the_best_of_a_scan_of_every_takeaway() {
    let bundle = seeds();
    for limit in [1, 6, 40] {
        for index in 0..bundle.takeaways.len() {
            assert_eq!(
                related(&bundle, index, limit),
                related_by_scanning(&bundle, index, limit),
                "{}",
                bundle.title(index).id
            );
        }
    }
}

#[test]
fn exports_hold_every_listed_takeaway() {
    let bundle = seeds();
    let listed: Vec<usize> = vec![3, 0, 20];
    assert!(!bundle.takeaway_summary(20).is_empty());
    let site = "https://example.org/kubecon/";

    let json: serde_json::Value =
        serde_json::from_str(&export(&bundle, &bundle.bundle, &bundle.texts, &listed, Format::Json, site, false))
            .unwrap();
    let ids: Vec<&str> = json.as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    let expected: Vec<&str> = listed.iter().map(|&t| bundle.title(t).id.as_str()).collect();
    assert_eq!(ids, expected);
    assert_eq!(json[0]["url"], format!("{site}t/{}", bundle.title(3).id));
    assert_eq!(json[0]["title_en"], "The (uncertain?) future of Istio");
    // Each with its summary, from the texts.
    assert_eq!(json[2]["summary"], bundle.takeaway_summary(20));

    let csv = export(&bundle, &bundle.bundle, &bundle.texts, &listed, Format::Csv, site, false);
    assert!(csv.starts_with("\u{feff}id,url,title,title_en,"));
    assert_eq!(csv.lines().count(), 1 + listed.len());
    assert!(csv.contains(&bundle.title(20).title));
    assert!(csv.contains("Multi-platform and hybrid cloud is (still) a thing"));

    // Markdown puts the title of the interface's language first, the other after it.
    let (zh, en) = (&bundle.title(0).title, bundle.title(0).title_en.as_deref().unwrap());
    let markdown = export(&bundle, &bundle.bundle, &bundle.texts, &listed, Format::Markdown, site, false);
    assert_eq!(markdown.lines().filter(|l| l.starts_with("- [")).count(), listed.len());
    assert!(markdown.contains(&format!("- [{zh}]({site}t/{}) · {en}", bundle.title(0).id)), "{markdown}");
    let markdown = export(&bundle, &bundle.bundle, &bundle.texts, &listed, Format::Markdown, site, true);
    assert!(markdown.contains(&format!("- [{en}]({site}t/{}) · {zh}", bundle.title(0).id)), "{markdown}");

    let one = takeaway_markdown(&bundle, &bundle.bundle, &bundle.texts, 0, site, false);
    assert!(one.starts_with(&format!("**[{zh}]({site}t/{})**\n{en}\n", bundle.title(0).id)), "{one}");
    let one = takeaway_markdown(&bundle, &bundle.bundle, &bundle.texts, 0, site, true);
    assert!(one.starts_with(&format!("**[{en}]({site}t/{})**\n{zh}\n", bundle.title(0).id)), "{one}");
}
