//! Pane 5, from gap to plan: its state, its keys (an `impl App` block of the
//! one update) and the figures its views show. Every figure comes from
//! `career_core` (plan, demand, readiness, trend), computed from the app's
//! state when asked: nothing is kept that a tick could leave stale.

use career_core::dates;
use career_core::demand::{self, Demand};
use career_core::plan::{self, Plan, Target};
use career_core::readiness::posting_match_for;
use career_core::search;
use career_core::trend::{self, Week};

use crate::tui::action::Action;
use crate::tui::app::{App, Effect};

/// The hours per week a plan starts with when the config file gives none
/// (the config's default).
pub const DEFAULT_HOURS: u32 = 5;
/// The most hours per week `+` goes to: every hour of the week.
pub const MAX_HOURS: u32 = 168;

/// The views of pane 5, in the order `v` cycles them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PlanSub {
    #[default]
    Plan,
    Demand,
    Postings,
    History,
}

impl PlanSub {
    pub const ALL: [PlanSub; 4] = [
        PlanSub::Plan,
        PlanSub::Demand,
        PlanSub::Postings,
        PlanSub::History,
    ];

    /// The next view, after the last the first.
    pub fn next(self) -> PlanSub {
        PlanSub::ALL[(self as usize + 1) % PlanSub::ALL.len()]
    }
}

/// What the plan is for, as the user picks it (`T` cycles the kind, ←/→
/// the posting or role).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TargetKind {
    /// All the user's postings (every posting when they have none).
    #[default]
    All,
    Posting,
    Role,
}

/// Pane 5's state: the view, the target, the cursors and the pace.
#[derive(Debug, Clone)]
pub struct PlanView {
    pub sub: PlanSub,
    pub kind: TargetKind,
    /// The posting of a [`TargetKind::Posting`] plan.
    pub posting: usize,
    /// The role of a [`TargetKind::Role`] plan (and of the history's
    /// readiness line).
    pub role: usize,
    /// The selected row of each view, by [`PlanSub`].
    pub cursor: [usize; 4],
    /// The postings overview is sorted by coverage (highest first), else
    /// in list order.
    pub by_coverage: bool,
    /// Hours of study a week: the plan's dates come from it.
    pub hours_per_week: u32,
}

impl Default for PlanView {
    fn default() -> Self {
        PlanView {
            sub: PlanSub::Plan,
            kind: TargetKind::All,
            posting: 0,
            role: 0,
            cursor: [0; 4],
            by_coverage: true,
            hours_per_week: DEFAULT_HOURS,
        }
    }
}

/// The role the history's readiness line is for when the plan is not for
/// a role: the one `progress --history` draws (the AI Engineer's).
pub fn default_role(c: &career_core::model::Catalog) -> usize {
    trend::chart_role(c)
}

impl App {
    /// Today, as days since 1970-01-01, from the app's clock (tests fix it).
    pub fn today(&self) -> i64 {
        dates::parse_day(&(self.clock)()).unwrap_or_else(dates::today)
    }

    /// The plan's target as `career_core::plan` takes it.
    pub fn plan_target(&self) -> Target {
        let v = &self.plan;
        match v.kind {
            TargetKind::All => Target::Postings(plan::all_postings(&self.catalog).0),
            TargetKind::Posting => Target::Posting(v.posting),
            TargetKind::Role => Target::Role(v.role),
        }
    }

    /// The plan for the chosen target as things stand now.
    pub fn current_plan(&self) -> Plan {
        plan::build(
            &self.catalog,
            &self.resources,
            &self.progress,
            &self.plan_target(),
            Some(self.plan.hours_per_week),
            self.today(),
        )
    }

    /// The demand ranking, the same as `career-explorer demand`'s.
    pub fn current_demand(&self) -> Demand {
        demand::build(&self.catalog, &self.progress)
    }

    /// Every posting with its skill coverage in whole percent (from
    /// [`posting_match_for`], the one rule; `None` when nothing in it can
    /// be measured), in the overview's order.
    pub fn overview_rows(&self) -> Vec<(usize, Option<usize>)> {
        let state = self.state_fn();
        let years = self.progress.profile.years;
        let mut rows: Vec<(usize, Option<usize>)> = self
            .catalog
            .postings
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let m = posting_match_for(p, &state, years);
                (i, m.coverage())
            })
            .collect();
        if self.plan.by_coverage {
            // Stable: equal coverage keeps list order.
            rows.sort_by_key(|&(_, pct)| std::cmp::Reverse(pct));
        }
        rows
    }

    /// The posting the history's coverage line is for: the plan's posting,
    /// else the one open in pane 4.
    pub fn history_posting(&self) -> usize {
        match self.plan.kind {
            TargetKind::Posting => self.plan.posting,
            _ => self.jobs.posting,
        }
    }

    /// The role the history's readiness line is for: the plan's role, else
    /// [`default_role`].
    pub fn history_role(&self) -> usize {
        match self.plan.kind {
            TargetKind::Role => self.plan.role,
            _ => default_role(&self.catalog),
        }
    }

    /// The weekly figures from the progress history (empty: none yet), for
    /// [`App::history_role`] and [`App::history_posting`].
    pub fn history_weeks(&self) -> Vec<Week> {
        let postings: Vec<usize> = (self.history_posting() < self.catalog.postings.len())
            .then_some(self.history_posting())
            .into_iter()
            .collect();
        trend::weeks(
            &self.catalog,
            &self.progress,
            self.history_role(),
            &postings,
            None,
            self.today(),
        )
    }

    /// How many rows the view `sub` lists (its cursor stays below).
    fn plan_rows(&self, sub: PlanSub) -> usize {
        match sub {
            PlanSub::Plan => self.current_plan().steps.len(),
            PlanSub::Demand => self.current_demand().rows.len(),
            PlanSub::Postings => self.catalog.postings.len(),
            PlanSub::History => 0,
        }
    }

    /// Keys and clicks on pane 5.
    pub(crate) fn update_plan(&mut self, action: Action) -> Effect {
        match action {
            Action::NextView => self.plan.sub = self.plan.sub.next(),
            Action::ToggleSort => {
                self.plan.by_coverage = !self.plan.by_coverage;
                self.plan.cursor[PlanSub::Postings as usize] = 0;
            }
            Action::NextTarget => self.next_target(),
            Action::YearsUp => {
                self.plan.hours_per_week = (self.plan.hours_per_week + 1).min(MAX_HOURS);
            }
            Action::YearsDown => {
                self.plan.hours_per_week = self.plan.hours_per_week.saturating_sub(1).max(1);
            }
            Action::Left | Action::Right => self.step_target(action == Action::Right),
            Action::Open => self.open_plan_row(),
            Action::SelectPlanRow(i) => self.move_plan_cursor(|_, _| i),
            Action::Up => self.move_plan_cursor(|c, _| c.saturating_sub(1)),
            Action::Down => self.move_plan_cursor(|c, _| c + 1),
            Action::PageUp => self.move_plan_cursor(usize::saturating_sub),
            Action::PageDown => self.move_plan_cursor(|c, page| c + page),
            Action::Home => self.move_plan_cursor(|_, _| 0),
            Action::End => self.move_plan_cursor(|_, _| usize::MAX),
            _ => {}
        }
        Effect::None
    }

    /// Moves the view's cursor by `f(cursor, page)`, kept on a row.
    fn move_plan_cursor(&mut self, f: impl Fn(usize, usize) -> usize) {
        let sub = self.plan.sub;
        let last = self.plan_rows(sub).saturating_sub(1);
        let page = usize::from(self.layout.plan.page.max(1));
        let c = &mut self.plan.cursor[sub as usize];
        *c = f(*c, page).min(last);
    }

    /// `T`: all postings, then the posting open in pane 4, then a role
    /// (the profile's, else the AI Engineer).
    fn next_target(&mut self) {
        let v = &mut self.plan;
        v.kind = match v.kind {
            TargetKind::All if !self.catalog.postings.is_empty() => {
                v.posting = self.jobs.posting.min(self.catalog.postings.len() - 1);
                TargetKind::Posting
            }
            TargetKind::All | TargetKind::Posting if !self.catalog.roles.is_empty() => {
                let profile = self.progress.profile.role.as_deref();
                v.role = profile
                    .and_then(|r| self.catalog.role_index(r))
                    .unwrap_or_else(|| default_role(&self.catalog));
                TargetKind::Role
            }
            _ => TargetKind::All,
        };
        v.cursor[PlanSub::Plan as usize] = 0;
    }

    /// ←/→: the previous or next posting or role of the target.
    fn step_target(&mut self, forward: bool) {
        let n = match self.plan.kind {
            TargetKind::All => return,
            TargetKind::Posting => self.catalog.postings.len(),
            TargetKind::Role => self.catalog.roles.len(),
        };
        let v = &mut self.plan;
        let at = match v.kind {
            TargetKind::Posting => &mut v.posting,
            _ => &mut v.role,
        };
        *at = if forward {
            (*at + 1).min(n.saturating_sub(1))
        } else {
            at.saturating_sub(1)
        };
        v.cursor[PlanSub::Plan as usize] = 0;
    }

    /// Enter: the selected skill in pane 3, or the selected posting in
    /// pane 4.
    fn open_plan_row(&mut self) {
        let at = self.plan.cursor[self.plan.sub as usize];
        let target = match self.plan.sub {
            PlanSub::Plan => self
                .current_plan()
                .steps
                .get(at)
                .map(|s| search::Target::Skill(s.skill)),
            PlanSub::Demand => self
                .current_demand()
                .rows
                .get(at)
                .map(|r| search::Target::Skill(r.skill)),
            PlanSub::Postings => self
                .overview_rows()
                .get(at)
                .map(|&(p, _)| search::Target::Posting(p)),
            PlanSub::History => None,
        };
        if let Some(t) = target {
            self.jump_to(t);
        }
    }

    /// Keeps the shown view's cursor on a row after the state changed
    /// under it (a skill ticked leaves the plan): called with each layout
    /// of pane 5.
    pub fn clamp_plan_cursor(&mut self) {
        let sub = self.plan.sub;
        let last = self.layout.plan.count.saturating_sub(1);
        let c = &mut self.plan.cursor[sub as usize];
        *c = (*c).min(last);
    }
}
