# State lotteries study: the reference panel and reference fits, on real data with a yearly time axis.
# Run from the repository root:  Rscript hazard-study/src/test/r/state-lotteries.R
# R 4.2.2 Patched (2022-11-10 r83330), survival 3.5-3 (Debian r-base-core, r-cran-survival).
#
# Reads the raw study files made by studies/state-lotteries/prepare.py (see studies/state-lotteries/README.md):
#   studies/state-lotteries/raw/states.csv      state_id,state_name,region   (50 states, Census regions)
#   studies/state-lotteries/raw/adjacency.csv   state_a,state_b              (each unordered neighbouring pair once)
#   studies/state-lotteries/raw/adoptions.csv   state_id,year                (SPID gambling_lottery_adoptio)
# Writes into hazard-study/src/test/resources/r/studies/state-lotteries/:
#   panel.csv             the unit-year panel built by the study contract's rules (below)
#   cox.expected.csv      key,value as cox_fixtures.R's expect(): call, n, events, loglik0, loglik, iter, lr, wald,
#                         score, concordance, coef.<term>, se.<term>, robust.<term>, zph.<term>, zph.GLOBAL
#   logit.expected.csv    key,value,r as glm-fixtures.R's put_glm() with prefix "logit"
# Both fits are made on panel.csv as read back, so R and Java see the same numbers.
#
# Panel rules (docs/contracts/study-contract.md, time unit year):
#   S = 1964 (New Hampshire's lottery, the first modern one; no adoption in the data is earlier), E = 2013 (the last
#   adoption year in the data), L = 1. Period t = (year - S) + 1; reference year r = year(t) - L.
#   A state adopting before S is left out (none here). Every other state has one row per t = 1 .. min(t_adopt, t(E));
#   event = 1 on the row t = t_adopt, else 0. Never-adopters run to t(E) = 50.
#   neighbours_share: number of u's neighbours with adoption year <= r / u's number of neighbours (0 with none: AK, HI).
#   region_peers: number of OTHER states of u's Census region with adoption year <= r.
#   (States adopting before S would count in both; there are none.)
#   Columns: state_id,region,period,year,start,stop,event,neighbours_share,region_peers; start = t - 1, stop = t.
#   Rows ordered by state_id as text (radix sort = C locale), then t.
# Writing: a character data frame, integers as integers, every double through sprintf("%.17g"), then
#   write.csv(p, "hazard-study/src/test/resources/r/studies/state-lotteries/panel.csv",
#             row.names = FALSE, na = "", quote = FALSE)
#   (quote = FALSE: no field holds a comma or a quote, and the file then has the layout of a panel written by
#   the Java builder; %.17g is not the shortest round-trip form, so compare the numbers, not the bytes).
suppressMessages(library(survival))
raw <- "studies/state-lotteries/raw"
out <- "hazard-study/src/test/resources/r/studies/state-lotteries"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
source("hazard-core/src/test/r/coxph-expected.R") # num(), run(): the Cox fixture keys

# ---- raw files ----
states <- read.csv(file.path(raw, "states.csv"), colClasses = "character", na.strings = "")
adj <- read.csv(file.path(raw, "adjacency.csv"), colClasses = "character", na.strings = "")
adoptions <- read.csv(file.path(raw, "adoptions.csv"), colClasses = c("character", "integer"), na.strings = "")
stopifnot(!anyDuplicated(states$state_id), !anyDuplicated(adoptions$state_id),
          all(adoptions$state_id %in% states$state_id), all(c(adj$state_a, adj$state_b) %in% states$state_id),
          all(adj$state_a < adj$state_b), !anyNA(states$region), !anyNA(adoptions$year))

S <- 1964L
E <- max(adoptions$year)
L <- 1L
tE <- E - S + 1L
adopt <- setNames(rep(NA_integer_, nrow(states)), states$state_id)
adopt[adoptions$state_id] <- adoptions$year
region <- setNames(states$region, states$state_id)
neighbours <- lapply(states$state_id, function(u) c(adj$state_b[adj$state_a == u], adj$state_a[adj$state_b == u]))
names(neighbours) <- states$state_id
adopted_by <- function(units, r) sum(!is.na(adopt[units]) & adopt[units] <= r)

# ---- panel ----
units <- states$state_id[order(states$state_id, method = "radix")]
excluded <- units[!is.na(adopt[units]) & adopt[units] < S]
rows <- list()
for (u in setdiff(units, excluded)) {
  ta <- if (is.na(adopt[u])) NA_integer_ else adopt[[u]] - S + 1L
  last <- if (is.na(ta)) tE else min(ta, tE)
  nb <- neighbours[[u]]
  peers <- setdiff(states$state_id[states$region == region[[u]]], u)
  for (t in seq_len(last)) {
    year <- S + t - 1L
    r <- year - L
    rows[[length(rows) + 1]] <- data.frame(
      state_id = u, region = region[[u]], period = t, year = year, start = t - 1L, stop = t,
      event = as.integer(!is.na(ta) && t == ta),
      neighbours_share = if (length(nb) == 0) 0 else adopted_by(nb, r) / length(nb),
      region_peers = adopted_by(peers, r))
  }
}
p <- do.call(rbind, rows)
stopifnot(is.integer(p$period), is.integer(p$year), is.integer(p$start), is.integer(p$stop), is.integer(p$event),
          is.double(p$neighbours_share), is.integer(p$region_peers))
pc <- data.frame(lapply(p, function(v) if (is.double(v)) sprintf("%.17g", v) else as.character(v)))
panel_file <- file.path(out, "panel.csv")
write.csv(pc, panel_file, row.names = FALSE, na = "", quote = FALSE)
d <- read.csv(panel_file, colClasses = c("character", "character", rep(NA, 7)), na.strings = "")
stopifnot(identical(d$neighbours_share, p$neighbours_share), identical(d$region_peers, p$region_peers))
cat("S", S, "E", E, "L", L, "| states", length(units) - length(excluded), "excluded", length(excluded),
    if (length(excluded)) paste0("(", paste(excluded, collapse = " "), ")"),
    "| rows", nrow(d), "events", sum(d$event), "\n")

# ---- cox: the keys of hazard-core/src/test/r/coxph-expected.R (run() adds the tight control) ----
run("cox", 'coxph(Surv(start, stop, event) ~ neighbours_share + region_peers, data = d, ties = "efron")', d)

# ---- logit: as glm-fixtures.R's put_glm(), prefix "logit" ----
# period is an ordinary covariate (a linear time trend), not a --breaks dummy, so the null model is the intercept
# alone and the Wald, score and LR tests are on neighbours_share, region_peers and period.
expected <- new.env()
expected$rows <- list()
put <- function(key, value, call) {
  expected$rows[[length(expected$rows) + 1]] <- data.frame(key = key, value = sprintf("%.17g", value), r = call)
}
flush_expected <- function(file) {
  write.csv(do.call(rbind, expected$rows), file.path(out, file), row.names = FALSE)
  expected$rows <- list()
}
rao <- function(fit0, fit) anova(fit0, fit, test = "Rao")$Rao[2]
wald <- function(fit, terms, V = vcov(fit)) { b <- coef(fit)[terms]; drop(t(b) %*% solve(V[terms, terms]) %*% b) }
put_glm <- function(prefix, fit, fit0, terms, call, rcall) {
  V <- vcov(fit)
  for (t in names(coef(fit))) {
    if (is.na(coef(fit)[t])) { put(paste0(prefix, ".coef.", t), NA, paste0("coef(", call, ")['", t, "'] is NA")); next }
    put(paste0(prefix, ".coef.", t), coef(fit)[t], paste0("coef(", call, ")['", t, "']"))
    put(paste0(prefix, ".se.", t), sqrt(V[t, t]), paste0("sqrt(diag(vcov(", call, ")))['", t, "']"))
  }
  put(paste0(prefix, ".loglik"), logLik(fit), paste0("logLik(", call, ")"))
  put(paste0(prefix, ".nullloglik"), logLik(fit0), paste0("logLik(", call, "0)"))
  put(paste0(prefix, ".aic"), AIC(fit), paste0("AIC(", call, ")"))
  est <- terms[!is.na(coef(fit)[terms])]
  put(paste0(prefix, ".lr"), 2 * (logLik(fit) - logLik(fit0)), paste0("2 * (logLik(", call, ") - logLik(", call, "0))"))
  put(paste0(prefix, ".df"), length(est), "number of estimated covariate terms")
  put(paste0(prefix, ".wald"), wald(fit, est, V),
      paste0("t(b) %*% solve(V) %*% b, b = coef(", call, ")[covariates], V = vcov[covariates, covariates]"))
  put(paste0(prefix, ".score"), rao(fit0, fit), paste0("anova(", call, "0, ", call, ", test = 'Rao')$Rao[2]"))
  put(paste0(prefix, ".converged"), as.numeric(fit$converged), paste0(call, "$converged"))
  cat(prefix, ":", rcall, ": iter", fit$iter, " coef", sprintf("%.6f", coef(fit)), "\n")
}
lg <- glm(event ~ neighbours_share + region_peers + period, family = binomial, data = d,
          control = glm.control(epsilon = 1e-14, maxit = 100))
lg0 <- glm(event ~ 1, family = binomial, data = d, control = glm.control(epsilon = 1e-14, maxit = 100))
put("logit.n", nrow(d), "nrow(d)")
put("logit.events", sum(d$event), "sum(d$event)")
put_glm("logit", lg, lg0, c("neighbours_share", "region_peers", "period"), "lg",
        paste0("glm(event ~ neighbours_share + region_peers + period, family = binomial, data = d, ",
               "control = glm.control(epsilon = 1e-14, maxit = 100)); lg0: glm(event ~ 1, same control)"))
flush_expected("logit.expected.csv")
