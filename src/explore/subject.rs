//! What a page about one theme, project or event shows: the takeaways about it (newest event
//! first), how they spread across events, and the themes, projects and articles they bring
//! along. Computed by the build for the prerendered pages and by the app alike.

use crate::model::{ArticleIx, EventIx, OutlinedBundle, ProjectIx, ThemeIx};

/// A theme, project or event, and what its page shows of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Subject {
    /// Its takeaways, in list order (newest event first).
    pub takeaways: Vec<usize>,
    /// Per event with takeaways at all, by date: how many of this subject's, of how many.
    pub per_event: Vec<Spread>,
    /// The themes of its takeaways (for a theme, the others it travels with), most first.
    pub themes: Vec<(ThemeIx, usize)>,
    /// The projects its takeaways mention (for a project, the others), most first.
    pub projects: Vec<(ProjectIx, usize)>,
    /// The articles its takeaways come from, in bundle order.
    pub articles: Vec<ArticleIx>,
}

impl Subject {
    /// Its newest `count` takeaways (or all, where it has fewer): the page's cards.
    pub fn newest(&self, count: usize) -> &[usize] {
        &self.takeaways[..count.min(self.takeaways.len())]
    }
}

/// One event's column of a subject's trend.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spread {
    pub event: EventIx,
    /// The subject's takeaways at the event.
    pub count: usize,
    /// All the event's takeaways.
    pub total: usize,
}

impl Spread {
    /// The share of the event's takeaways that are about the subject, 0 to 1.
    pub fn share(&self) -> f64 {
        super::graphs::share(self.count, self.total)
    }
}

/// The takeaways tagged with `theme`.
pub fn of_theme(bundle: &OutlinedBundle, order: &[usize], theme: ThemeIx) -> Subject {
    let mut subject = of(bundle, order, |t| bundle.takeaways[t].themes.contains(&theme));
    subject.themes.retain(|&(t, _)| t != theme);
    subject
}

/// The takeaways that mention `project`.
pub fn of_project(bundle: &OutlinedBundle, order: &[usize], project: ProjectIx) -> Subject {
    let mut subject = of(bundle, order, |t| bundle.takeaways[t].projects.contains(&project));
    subject.projects.retain(|&(p, _)| p != project);
    subject
}

/// The takeaways of `event`'s articles.
pub fn of_event(bundle: &OutlinedBundle, order: &[usize], event: EventIx) -> Subject {
    of(bundle, order, |t| bundle.article_of(&bundle.takeaways[t]).event == Some(event))
}

/// Per theme, the share of `event`'s takeaways that have it against its share of all the other
/// events' takeaways: what the event was about more, or less, than the rest. Most at the event
/// first; themes neither has are left out.
pub fn theme_shares(bundle: &OutlinedBundle, event: EventIx) -> Vec<(ThemeIx, f64, f64)> {
    let (mut here, mut elsewhere) = (vec![0; bundle.themes.len()], vec![0; bundle.themes.len()]);
    let (mut here_total, mut elsewhere_total) = (0, 0);
    for t in &bundle.takeaways {
        let at_event = bundle.article_of(t).event == Some(event);
        let (counts, total) =
            if at_event { (&mut here, &mut here_total) } else { (&mut elsewhere, &mut elsewhere_total) };
        *total += 1;
        t.themes.iter().for_each(|&m| counts[m.get()] += 1);
    }
    let share = super::graphs::share;
    let mut shares: Vec<(ThemeIx, f64, f64)> = (0..bundle.themes.len())
        .filter(|&t| here[t] + elsewhere[t] > 0)
        .map(|t| (ThemeIx::at(t), share(here[t], here_total), share(elsewhere[t], elsewhere_total)))
        .collect();
    crate::model::order::sort_by(&mut shares, |a, b| b.1.total_cmp(&a.1).then(b.2.total_cmp(&a.2)).then(a.0.cmp(&b.0)));
    shares
}

/// The subject made of the takeaways `about` accepts.
fn of(bundle: &OutlinedBundle, order: &[usize], about: impl Fn(usize) -> bool) -> Subject {
    let takeaways: Vec<usize> = order.iter().copied().filter(|&t| about(t)).collect();
    let (mut per_event, mut totals) = (vec![0; bundle.events.len()], vec![0; bundle.events.len()]);
    let (mut themes, mut projects) = (vec![0; bundle.themes.len()], vec![0; bundle.projects.len()]);
    let mut articles = vec![false; bundle.articles.len()];
    for t in &bundle.takeaways {
        if let Some(e) = bundle.article_of(t).event {
            totals[e.get()] += 1;
        }
    }
    for &t in &takeaways {
        let takeaway = &bundle.takeaways[t];
        if let Some(e) = bundle.article_of(takeaway).event {
            per_event[e.get()] += 1;
        }
        takeaway.themes.iter().for_each(|&m| themes[m.get()] += 1);
        takeaway.projects.iter().for_each(|p| projects[p.get()] += 1);
        articles[takeaway.article.get()] = true;
    }
    let per_event = (0..bundle.events.len())
        .filter(|&e| totals[e] > 0)
        .map(|e| Spread { event: EventIx::at(e), count: per_event[e], total: totals[e] })
        .collect();
    Subject {
        takeaways,
        per_event,
        themes: most_first(themes, ThemeIx::at),
        projects: most_first(projects, ProjectIx::at),
        articles: (0..articles.len()).filter(|&a| articles[a]).map(ArticleIx::at).collect(),
    }
}

/// The things counted at least once, most first, then in their order.
fn most_first<T: Copy>(counts: Vec<usize>, what: fn(usize) -> T) -> Vec<(T, usize)> {
    let mut counted: Vec<(usize, usize)> = counts.into_iter().enumerate().filter(|&(_, n)| n > 0).collect();
    crate::model::order::sort_by(&mut counted, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counted.into_iter().map(|(at, n)| (what(at), n)).collect()
}
