# Expected values for the Fine-Gray tests (org.hazardstream.core.finegray).
# Run from the repository root:  Rscript hazard-core/src/test/r/finegray-fixtures.R
# Writes hazard-core/src/test/resources/r/finegray/: data sets, the expanded data of survival::finegray
# (expanded-*.csv: source row, fgstart, fgstop, fgstatus, fgwt) and expected-*.csv (key, value, R expression).
# R 4.2.2, survival 3.5-3.
# Every coxph runs to convergence, as the engine does: coxph.control(eps = 1e-11, iter.max = 100) (toler.chol R's
# default, toler.inf R's default sqrt(eps)); the recorded calls say so.
suppressPackageStartupMessages(library(survival))
ctl <- coxph.control(eps = 1e-11, iter.max = 100)
CONTROL <- "control = coxph.control(eps = 1e-11, iter.max = 100)"
out <- "hazard-core/src/test/resources/r/finegray"
source("hazard-core/src/test/r/glm-sim-panel.R")

expected <- new.env()
expected$rows <- list()
put <- function(key, value, call) {
  expected$rows[[length(expected$rows) + 1]] <- data.frame(key = key, value = sprintf("%.17g", value), r = call)
}
flush_expected <- function(file) {
  write.csv(do.call(rbind, expected$rows), file.path(out, file), row.names = FALSE)
  expected$rows <- list()
}
states <- function(code) factor(code, 0:2, labels = c("censor", "e1", "e2"))

# finegray() on (start, stop] data followed by id; the source row travels along as column 'row'
expand <- function(d, k) {
  d$row <- seq_len(nrow(d))
  d$status <- states(d$event)
  finegray(Surv(start, stop, status) ~ ., data = d, id = id, etype = paste0("e", k))
}
write_expanded <- function(fg, file) {
  write.csv(data.frame(row = fg$row, fgstart = fg$fgstart, fgstop = fg$fgstop, fgstatus = fg$fgstatus,
                       fgwt = sprintf("%.17g", fg$fgwt)), file.path(out, file), row.names = FALSE, quote = FALSE)
}
put_fit <- function(prefix, fg, covariates, cluster, ties = "efron") {
  f <- as.formula(paste("Surv(fgstart, fgstop, fgstatus) ~", paste(covariates, collapse = " + ")))
  call <- paste0("coxph(Surv(fgstart, fgstop, fgstatus) ~ ", paste(covariates, collapse = " + "),
                 ", weights = fgwt, data = fg", if (cluster) ", cluster = id" else ", robust = FALSE",
                 if (ties != "efron") paste0(", ties = '", ties, "'") else "", ", ", CONTROL, ")")
  # robust = FALSE: coxph otherwise turns on a per-row robust variance for non-integer weights (and uses it in
  # wald.test); the contract's stdError and Wald test without --cluster are model-based
  fit <- if (cluster) coxph(f, weights = fgwt, data = fg, cluster = id, ties = ties, control = ctl) else
    coxph(f, weights = fgwt, data = fg, robust = FALSE, ties = ties, control = ctl)
  naive <- if (!is.null(fit$naive.var)) fit$naive.var else fit$var
  for (j in seq_along(covariates)) {
    t <- covariates[j]
    put(paste0(prefix, ".coef.", t), coef(fit)[t], paste0("coef(", call, ")['", t, "']"))
    put(paste0(prefix, ".se.", t), sqrt(naive[j, j]), paste0("sqrt(diag(fit$naive.var or fit$var))[", j, "], fit = ", call))
    if (!is.null(fit$naive.var))
      put(paste0(prefix, ".rse.", t), sqrt(fit$var[j, j]), paste0("sqrt(diag(fit$var))[", j, "] (robust), fit = ", call))
  }
  put(paste0(prefix, ".loglik"), fit$loglik[2], paste0("fit$loglik[2], fit = ", call))
  put(paste0(prefix, ".nullloglik"), fit$loglik[1], paste0("fit$loglik[1], fit = ", call))
  put(paste0(prefix, ".aic"), AIC(fit), paste0("AIC(", call, ")"))
  put(paste0(prefix, ".wald"), fit$wald.test, paste0("fit$wald.test, fit = ", call))
  put(paste0(prefix, ".score"), fit$score, paste0("fit$score (model-based score test at beta = 0), fit = ", call))
  put(paste0(prefix, ".iter"), fit$iter, paste0("fit$iter, fit = ", call))
  put(paste0(prefix, ".concordance"), fit$concordance["concordance"], paste0("fit$concordance['concordance'], fit = ", call))
  put(paste0(prefix, ".expandedrows"), nrow(fg), "nrow(finegray(...))")
  cat(prefix, ": iter", fit$iter, ":", call, "\n")
}

# ---------------------------------------------------------------------------------------------------------------
# 1. mgus2, the finegray vignette example: progression to plasma cell malignancy (pcm) competing with death
etime <- with(mgus2, ifelse(pstat == 0, futime, ptime))
event <- with(mgus2, ifelse(pstat == 0, 2 * death, 1))
mg <- data.frame(id = mgus2$id, start = 0, stop = etime, event = event, age = mgus2$age,
                 male = as.numeric(mgus2$sex == "M"))
write.csv(mg, file.path(out, "mgus2.csv"), row.names = FALSE)
mg <- read.csv(file.path(out, "mgus2.csv"))
for (k in 1:2) {
  fg <- expand(mg, k)
  write_expanded(fg, paste0("expanded-mgus2-event", k, ".csv"))
  put_fit(paste0("mgus2.e", k), fg, c("age", "male"), FALSE)
  put_fit(paste0("mgus2.e", k, ".cluster"), fg, c("age", "male"), TRUE)
  put(paste0("mgus2.e", k, ".events"), sum(mg$event == k), paste0("sum(mg$event == ", k, ")"))
}
# Breslow ties (mgus2 times are whole months: many ties)
put_fit("mgus2.e1.cluster.breslow", expand(mg, 1), c("age", "male"), TRUE, ties = "breslow")
# the vignette's own (right-censored) call gives the same fit as the (0, etime] form above
vig <- finegray(Surv(etime, factor(event, 0:2, labels = c("censor", "pcm", "death"))) ~ ., data = mgus2, etype = "pcm")
vfit <- coxph(Surv(fgstart, fgstop, fgstatus) ~ age + sex, weights = fgwt, data = vig, control = ctl)
cat("vignette pcm fit:", coef(vfit), " (0, etime] form:",
    coef(coxph(Surv(fgstart, fgstop, fgstatus) ~ age + male, weights = fgwt, data = expand(mg, 1), control = ctl)), "\n")
put("mgus2.n", nrow(mg), "nrow(mgus2)")
flush_expected("expected-mgus2.csv")

# ---------------------------------------------------------------------------------------------------------------
# 2. the simulated panel (128 subjects, daily rows, drop-out), both event codes, with and without cluster(id)
panel <- read.csv("hazard-core/src/test/resources/r/glm/sim-panel.csv")
cc <- panel[complete.cases(panel[, c("x1", "x2", "z", "w")]), ]
# complete cases first: the three rows with a missing z leave gaps in their subjects' follow-up, which finegray
# refuses; the fixture therefore fits x1, x2, w (no missing values) on all rows, and z on a copy without them
for (k in 1:2) {
  fg <- expand(panel, k)
  write_expanded(fg, paste0("expanded-panel-event", k, ".csv"))
  put_fit(paste0("panel.e", k), fg, c("x1", "x2", "w"), FALSE)
  put_fit(paste0("panel.e", k, ".cluster"), fg, c("x1", "x2", "w"), TRUE)
  put(paste0("panel.e", k, ".events"), sum(panel$event == k), paste0("sum(panel$event == ", k, ")"))
}
put("panel.n", nrow(panel), "nrow(panel)")
flush_expected("expected-panel.csv")

# ---------------------------------------------------------------------------------------------------------------
# 3. delayed entry: the panel with each subject entering on a random day 0..10 (left truncation)
set.seed(11)
entry <- sample(0:10, 128, replace = TRUE)
late <- panel[panel$start >= entry[panel$id], ]
write.csv(late, file.path(out, "panel-delayed.csv"), row.names = FALSE, na = "")
late <- read.csv(file.path(out, "panel-delayed.csv"))
fg <- expand(late, 1)
write_expanded(fg, "expanded-delayed-event1.csv")
put_fit("delayed.e1.cluster", fg, c("x1", "x2", "w"), TRUE)
flush_expected("expected-delayed.csv")

# ---------------------------------------------------------------------------------------------------------------
# 4. The fg-self / fg-provincial specs on the demo panel (../glm/demo-panel.csv, see glm-fixtures.R), clustered by
# city. central_policy is left out: it is the same for every city on a day, and in the expanded data its
# coefficient diverges (monotone likelihood; R: "Ran out of iterations and did not converge", at iter.max 20 and at
# 100), so no finite estimate exists to compare. The other 15 covariates converge in R (10 and 7 iterations).
demo <- read.csv("hazard-core/src/test/resources/r/glm/demo-panel.csv")
demo$id <- demo$city_id
cov15 <- c("population", "gdp_per_capita", "gdp_growth_q1", "internet_service", "internet_penetration", "data_agency",
           "leader_experience", "platform_type", "salience", "intra_city_travel", "inbound_migration",
           "cumulative_cases", "media_reports", "competition", "provincial_platform")
for (k in 1:2) {
  fg <- expand(demo, k)
  put_fit(paste0("demo.e", k, ".cluster"), fg, cov15, TRUE)
  put(paste0("demo.e", k, ".events"), sum(demo$event == k), paste0("sum(demo$event == ", k, ")"))
}
flush_expected("expected-demo-panel.csv")
