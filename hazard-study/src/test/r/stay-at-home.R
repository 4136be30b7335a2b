# Reference panel and fits of the stay-at-home study (statewide stay-at-home orders, 50 US states + DC, spring 2020).
# Run from the repository root:  Rscript hazard-study/src/test/r/stay-at-home.R
# Reads studies/stay-at-home/raw/{states,adjacency,daily,orders}.csv (written by studies/stay-at-home/prepare.py).
# Writes into hazard-study/src/test/resources/r/studies/stay-at-home/:
#   panel.csv                  the unit-day panel built below from the raw files by the study's rules, written with
#                              write.csv(p, row.names = FALSE, na = "", quote = FALSE) on a character data frame in
#                              which every double is sprintf("%.17g", x) (reads back to the same double) and every
#                              integer column is written as an integer; NA is an empty field
#   cox.expected.csv           key,value as cox_fixtures.R: call, n, events, loglik0, loglik, iter, lr, wald, score,
#   cox_cluster.expected.csv   concordance, coef.<term>, se.<term>, robust.<term>, zph.<term>, zph.GLOBAL
#   logit.expected.csv         key,value,r as glm-fixtures.R, keys logit.coef.<term>, logit.se.<term>, logit.loglik,
#                              logit.nullloglik, logit.aic, logit.lr, logit.df, logit.wald, logit.score,
#                              logit.converged, plus logit.n and logit.events
# Every fit is made on panel.csv read back with read.csv, so R and Java see the same numbers.
# R 4.2.2, survival 3.5-3 (Debian r-base-core, r-cran-survival).
suppressMessages(library(survival))
raw <- "studies/stay-at-home/raw"
out <- "hazard-study/src/test/resources/r/studies/stay-at-home"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
source("hazard-core/src/test/r/coxph-expected.R") # num(), run(): the Cox fixture keys

# ---- study settings ----
S <- as.Date("2020-03-01")   # start
E <- as.Date("2020-04-30")   # end
L <- 1L                      # lag in days: period t uses data dated <= r = date(t) - L

# ---- raw files (read as text; numbers converted explicitly) ----
rd <- function(f) read.csv(file.path(raw, f), colClasses = "character", na.strings = character(0))
states <- rd("states.csv")
adjacency <- rd("adjacency.csv")
daily <- rd("daily.csv")
orders <- rd("orders.csv")
as_num <- function(x) ifelse(x == "", NA_real_, as.numeric(x))
states$population <- as.integer(states$population)
daily$date <- as.Date(daily$date)
daily$stringency_index <- as_num(daily$stringency_index)
daily$confirmed_cases <- as_num(daily$confirmed_cases)
orders$date <- as.Date(orders$date)
stopifnot(!anyDuplicated(states$state_id), !anyDuplicated(orders$state_id),
          !anyDuplicated(paste(daily$state_id, daily$date)),
          all(c(adjacency$state_a, adjacency$state_b, daily$state_id, orders$state_id) %in% states$state_id),
          all(adjacency$state_a != adjacency$state_b), !is.na(states$population))

tindex <- function(date) as.integer(date - S) + 1L
D <- min(E, max(daily$date))   # data-through date
tD <- tindex(D)
order_date <- setNames(orders$date, orders$state_id)
order_date <- order_date[states$state_id]           # NA: no order
names(order_date) <- states$state_id
region <- setNames(states$region, states$state_id)
population <- setNames(states$population, states$state_id)
neighbours <- lapply(setNames(states$state_id, states$state_id), function(u)
  sort(unique(c(adjacency$state_b[adjacency$state_a == u], adjacency$state_a[adjacency$state_b == u]))))

# an order dated before S leaves the state out; one dated after D is not an event
excluded <- names(order_date)[!is.na(order_date) & order_date < S]
at_risk <- sort(setdiff(states$state_id, excluded), method = "radix")   # radix sort = C locale, code point order

# latest non-empty value of a field of u dated <= r (carried forward field by field), NA when none
carried <- function(u, field, r) {
  x <- daily[daily$state_id == u & !is.na(daily[[field]]), c("date", field)]
  x <- x[order(x$date), ]
  k <- findInterval(as.numeric(r), as.numeric(x$date))
  ifelse(k == 0, NA_real_, x[[field]][pmax(k, 1)])
}
adopted_by <- function(units, r) vapply(r, function(ri) sum(!is.na(order_date[units]) & order_date[units] <= ri), 0L)

rows <- lapply(at_risk, function(u) {
  tev <- if (is.na(order_date[u]) || order_date[u] > D) NA_integer_ else tindex(order_date[u])
  last <- if (is.na(tev)) tD else min(tev, tD)
  t <- seq_len(last)
  date <- S + (t - 1L)
  r <- date - L
  nb <- neighbours[[u]]
  peers <- setdiff(names(region)[region == region[u]], u)
  cases <- carried(u, "confirmed_cases", r)
  data.frame(state_id = u, region = region[[u]], day = t, date = format(date), start = t - 1L, stop = t,
             event = as.integer(!is.na(tev) & t == tev),
             population = population[[u]],
             confirmed_cases = cases,
             stringency_index = carried(u, "stringency_index", r),
             neighbours_share = if (length(nb) == 0) rep(0, last) else adopted_by(nb, r) / length(nb),
             region_peers = adopted_by(peers, r),
             log_cases = log1p(cases / population[[u]] * 100000),
             stringsAsFactors = FALSE)
})
panel <- do.call(rbind, rows)
rownames(panel) <- NULL

# ---- write the panel: integers as integers, doubles with 17 significant digits, NA empty ----
txt <- panel
for (v in c("confirmed_cases", "stringency_index", "neighbours_share", "log_cases"))
  txt[[v]] <- ifelse(is.na(panel[[v]]), NA_character_, sprintf("%.17g", panel[[v]]))
for (v in c("day", "start", "stop", "event", "population", "region_peers")) txt[[v]] <- as.character(panel[[v]])
stopifnot(!any(grepl("[,\"]", as.matrix(txt))))   # nothing needs quoting
panel_file <- file.path(out, "panel.csv")
write.csv(txt, panel_file, row.names = FALSE, na = "", quote = FALSE)
d <- read.csv(panel_file)
stopifnot(identical(d$log_cases, panel$log_cases), identical(d$neighbours_share, panel$neighbours_share),
          identical(d$stringency_index, panel$stringency_index), identical(as.numeric(d$confirmed_cases), panel$confirmed_cases))

cat("data-through date", format(D), " t(D)", tD, "\n")
cat("states", nrow(states), " excluded (order before S)", length(excluded), if (length(excluded)) paste(excluded), "\n")
cat("orders", nrow(orders), " in ", format(S + 1), "..", format(E), ":",
    sum(orders$date >= S + 1 & orders$date <= E), " range", format(min(orders$date)), "..", format(max(orders$date)), "\n")
cat("panel rows", nrow(d), " events", sum(d$event), " rows with any NA", sum(!complete.cases(d)), "\n")

# ---- cox: the keys of hazard-core/src/test/r/coxph-expected.R (run() adds the tight control) ----
run("cox", 'coxph(Surv(start, stop, event) ~ neighbours_share + region_peers + log_cases + stringency_index, data = d, ties = "efron")', d)
run("cox_cluster", 'coxph(Surv(start, stop, event) ~ neighbours_share + region_peers + log_cases + stringency_index, data = d, ties = "efron", cluster = state_id)', d)

# ---- logit: expected values as put_glm() in glm-fixtures.R (no cluster, so no rse keys) ----
# The null model is the intercept only (the fit contract: intercept and period dummies; there are no --breaks here,
# day is a covariate). It is fitted on the rows the full fit uses.
rows_out <- list()
put <- function(key, value, call) rows_out[[length(rows_out) + 1]] <<- data.frame(key = key, value = sprintf("%.17g", value), r = call)
lterms <- c("neighbours_share", "region_peers", "log_cases", "stringency_index", "day")
lcall <- "glm(event ~ neighbours_share + region_peers + log_cases + stringency_index + day, family = binomial, data = d, control = glm.control(epsilon = 1e-14, maxit = 100))"
lg <- eval(parse(text = lcall))
used <- d[complete.cases(d[, c("event", lterms)]), ]
lg0 <- glm(event ~ 1, family = binomial, data = used, control = glm.control(epsilon = 1e-14, maxit = 100))
V <- vcov(lg)
for (t in names(coef(lg))) {
  if (is.na(coef(lg)[t])) { put(paste0("logit.coef.", t), NA, paste0("coef(lg)['", t, "'] is NA")); next }
  put(paste0("logit.coef.", t), coef(lg)[t], paste0("coef(lg)['", t, "']"))
  put(paste0("logit.se.", t), sqrt(V[t, t]), paste0("sqrt(diag(vcov(lg)))['", t, "']"))
}
put("logit.loglik", logLik(lg), "logLik(lg)")
put("logit.nullloglik", logLik(lg0), "logLik(lg0), lg0 = glm(event ~ 1, binomial, complete cases of lg)")
put("logit.aic", AIC(lg), "AIC(lg)")
est <- lterms[!is.na(coef(lg)[lterms])]
b <- coef(lg)[est]
put("logit.lr", 2 * (logLik(lg) - logLik(lg0)), "2 * (logLik(lg) - logLik(lg0))")
put("logit.df", length(est), "number of estimated covariate terms")
put("logit.wald", drop(t(b) %*% solve(V[est, est]) %*% b),
    "t(b) %*% solve(V) %*% b, b = coef(lg)[covariates], V = vcov[covariates, covariates]")
put("logit.score", anova(lg0, lg, test = "Rao")$Rao[2], "anova(lg0, lg, test = 'Rao')$Rao[2]")
put("logit.converged", as.numeric(lg$converged), "lg$converged")
put("logit.n", nobs(lg), "nobs(lg): rows used")
put("logit.events", sum(used$event), "sum(event) over the rows used")
write.csv(do.call(rbind, rows_out), file.path(out, "logit.expected.csv"), row.names = FALSE)
cat("logit : n", nobs(lg), " events", sum(used$event), " iter", lg$iter, " converged", lg$converged,
    " loglik", logLik(lg), "\n")
print(summary(lg)$coefficients)
cat("logit call:", lcall, "\n")
