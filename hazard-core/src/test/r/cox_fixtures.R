# Expected values for the Cox engine tests (org.hazardstream.core.cox.CoxRFixtureTest).
# Run from the repository root:  Rscript hazard-core/src/test/r/cox_fixtures.R
# Writes into hazard-core/src/test/resources/r/cox/:
#   <data>.csv                 the data (every fit below is made on the file read back, so R and Java see the same numbers)
#   <case>.expected.csv        key,value: the R call, n, events, loglik0, loglik, iter, lr, wald, score, concordance,
#                              coef.<term>, se.<term>, robust.<term>, zph.<term>, zph.GLOBAL (NA where R gives none),
#                              warnings (R's warnings of the fit, "none" if none) and infinite (the terms R names in
#                              "Loglik converged before variable ...; beta may be infinite", "none" if none)
# R 4.2.2, survival 3.5-3 (Debian r-cran-survival).
# Every fit runs to convergence, as the engine does: run() adds CONTROL to each call, and the call recorded in the
# fixture is the text that was evaluated. toler.chol stays R's default; toler.inf is R's default sqrt(eps).
suppressMessages(library(survival))
out <- "hazard-core/src/test/resources/r/cox"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
source("hazard-core/src/test/r/coxph-expected.R")

write_data <- function(d, name) {
  f <- file.path(out, paste0(name, ".csv"))
  write.csv(d, f, row.names = FALSE, na = "")
  read.csv(f)
}

# ---- heart: Stanford heart transplant, (start, stop] ----
heart_d <- write_data(heart, "heart")
run("heart_efron", 'coxph(Surv(start, stop, event) ~ age + year + surgery + transplant, data = d)', heart_d)
run("heart_breslow", 'coxph(Surv(start, stop, event) ~ age + year + surgery + transplant, data = d, ties = "breslow")', heart_d)
run("heart_efron_cluster", 'coxph(Surv(start, stop, event) ~ age + year + surgery + transplant, data = d, cluster = id)', heart_d)
run("heart_exact_cluster", 'coxph(Surv(start, stop, event) ~ age + year + surgery + transplant, data = d, ties = "exact", cluster = id)', heart_d)

# ---- veteran: right censored, written as start = 0 ----
vet <- veteran
vet$start <- 0
vet$celltype <- as.character(vet$celltype)
vet_d <- write_data(vet[, c("start", "time", "status", "trt", "karno", "diagtime", "age", "prior", "celltype")], "veteran")
run("veteran_efron_strata", 'coxph(Surv(time, status) ~ trt + karno + diagtime + age + prior + strata(celltype), data = d)', vet_d)
run("veteran_breslow", 'coxph(Surv(time, status) ~ trt + karno + diagtime + age + prior, data = d, ties = "breslow")', vet_d)
run("veteran_exact", 'coxph(Surv(time, status) ~ trt + karno + diagtime + age + prior, data = d, ties = "exact")', vet_d)

# ---- lung: NA rows left in the file; coxph drops them (na.omit) ----
lg <- lung
lg$start <- 0
lg$event <- lg$status - 1
lung_d <- write_data(lg[, c("start", "time", "event", "age", "sex", "ph.ecog", "ph.karno", "pat.karno", "meal.cal", "wt.loss")], "lung")
run("lung_efron", 'coxph(Surv(time, event) ~ age + sex + ph.ecog + ph.karno + pat.karno + meal.cal + wt.loss, data = d)', lung_d)

# ---- cgd: recurrent infections, (start, stop], strata and cluster ----
cg <- cgd
cg$treat <- as.integer(cg$treat == "rIFN-g")
cg$sex <- as.integer(cg$sex == "female")
cg$inherit <- as.integer(cg$inherit == "autosomal")
cg$hos.cat <- as.character(cg$hos.cat)
cgd_d <- write_data(cg[, c("id", "tstart", "tstop", "status", "treat", "sex", "age", "inherit", "steroids", "propylac", "hos.cat")], "cgd")
run("cgd_efron_strata_cluster", 'coxph(Surv(tstart, tstop, status) ~ treat + sex + age + inherit + steroids + propylac + strata(hos.cat), data = d, cluster = id)', cgd_d)

# ---- a simulated study-like panel: 128 subjects, daily (day-1, day] rows, 16 covariates, 2 event codes ----
set.seed(20200123)
nsub <- 128; ndays <- 60
region <- sample(1:6, nsub, replace = TRUE)
fixed <- data.frame(id = 1:nsub, region = region,
                    gdp = round(rnorm(nsub), 4), population = round(rnorm(nsub), 4), distance = round(rexp(nsub), 4),
                    beds = round(rnorm(nsub), 4), coastal = rbinom(nsub, 1, 0.3), capital = rbinom(nsub, 1, 0.2),
                    prior_policy = rbinom(nsub, 1, 0.4), media = round(runif(nsub), 4))
panel <- merge(fixed, data.frame(day = 1:ndays))
panel <- panel[order(panel$id, panel$day), ]
nr <- nrow(panel)
panel$start <- panel$day - 1
panel$stop <- panel$day
panel$cases_log <- round(log1p(panel$day * exp(panel$gdp)), 4)
panel$growth <- round(rnorm(nr, 0, 1), 3)
panel$salience <- round(sin(panel$day / 9 + panel$id) + rnorm(nr, 0, 0.3), 3)
panel$provincial <- as.integer(panel$day > 20 + 5 * panel$region)
panel$weekend <- as.integer(panel$day %% 7 %in% c(0, 6))
panel$competition <- round(pmin(1, panel$day / 60 * runif(nsub)[panel$id]), 4)
panel$temperature <- round(10 + panel$day / 6 + rnorm(nr, 0, 2), 2)
lp <- with(panel, 0.5 * gdp - 0.3 * population + 0.2 * distance + 0.4 * coastal + 0.6 * prior_policy +
             0.3 * cases_log + 0.2 * growth + 0.5 * salience + 0.7 * provincial + 0.8 * competition - 0.05 * temperature)
haz <- exp(-4.5 + lp)
ev <- rbinom(nr, 1, 1 - exp(-haz))
first <- ave(ev, panel$id, FUN = function(e) { k <- which(e == 1); r <- rep(0, length(e)); if (length(k)) r[k[1]] <- 1; r })
after <- ave(first, panel$id, FUN = function(e) cumsum(cumsum(e)) > 1)
panel <- panel[after == 0, ]
panel$event <- ifelse(first[after == 0] == 1, ifelse(runif(sum(after == 0)) < 0.6, 1L, 2L), 0L)
panel$w <- round(runif(nrow(panel), 0.5, 2), 3)
covs <- c("gdp", "population", "distance", "beds", "coastal", "capital", "prior_policy", "media",
          "cases_log", "growth", "salience", "provincial", "weekend", "competition", "temperature", "day")
panel_d <- write_data(panel[, c("id", "region", "start", "stop", "event", "w", covs)], "panel")
cat("panel rows", nrow(panel_d), "events", sum(panel_d$event > 0), "\n")
rhs <- paste(covs, collapse = " + ")
run("panel_efron", paste0('coxph(Surv(start, stop, event > 0) ~ ', rhs, ', data = d)'), panel_d)
run("panel_breslow", paste0('coxph(Surv(start, stop, event > 0) ~ ', rhs, ', data = d, ties = "breslow")'), panel_d)
run("panel_efron_cluster", paste0('coxph(Surv(start, stop, event > 0) ~ ', rhs, ', data = d, cluster = id)'), panel_d)
run("panel_breslow_strata_cluster", paste0('coxph(Surv(start, stop, event > 0) ~ ', rhs, ' + strata(region), data = d, ties = "breslow", cluster = id)'), panel_d)
run("panel_efron_weights_cluster", paste0('coxph(Surv(start, stop, event > 0) ~ ', rhs, ', data = d, weights = w, cluster = id)'), panel_d)
run("panel_cause1_efron_cluster", paste0('coxph(Surv(start, stop, event == 1) ~ ', rhs, ', data = d, cluster = id)'), panel_d)
# R's agexact enumerates every subset of each risk set of the size of the tie (about 5e11 subsets on the whole
# panel: days of R time), so R's exact fit is made on the first 64 subjects (4e7 subsets); the Java test also times
# the exact fit of the whole panel.
half_d <- write_data(panel_d[panel_d$id <= 64, ], "panel_half")
t0 <- proc.time()
run("panel_half_exact_cluster", paste0('coxph(Surv(start, stop, event > 0) ~ ', rhs, ', data = d, ties = "exact", cluster = id)'), half_d)
cat("exact fit seconds (R):", (proc.time() - t0)[3], "\n")

# ---- not estimable terms: a constant column and an exact linear combination ----
pc <- panel_d
pc$constant <- 3
pc$combo <- pc$gdp + 2 * pc$population
invisible(write_data(pc[, c("id", "start", "stop", "event", "gdp", "constant", "population", "combo", "salience")], "panel_collinear"))
run("panel_collinear", 'coxph(Surv(start, stop, event > 0) ~ gdp + constant + population + combo + salience, data = d)',
    read.csv(file.path(out, "panel_collinear.csv")))

# ---- monotone likelihood: x separates the event times (every event has x = 1 and is earlier) ----
mono <- data.frame(start = 0, stop = c(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), event = c(1, 1, 0, 1, 1, 0, 1, 0, 1, 0),
                   x = c(1, 1, 1, 1, 1, 0, 1, 0, 1, 0), z = c(0.5, -1, 0.3, 2, -0.4, 1.1, 0.2, -0.7, 0.9, 0.1))
mono$x[c(3)] <- 1
mono_d <- write_data(mono, "monotone")
run("monotone", 'coxph(Surv(start, stop, event) ~ x + z, data = d)', mono_d)
# agexact.fit's own rule for an infinite coefficient (no tied times here: the same likelihood as Efron's)
run("monotone_exact", 'coxph(Surv(start, stop, event) ~ x + z, data = d, ties = "exact")', mono_d, zph = FALSE)

# ---- timefix: the veteran rows twice, their durations in years computed two ways (t / 365.25 and
# (t / 7) / (365.25 / 7)), which differ by floating-point noise for 33 of them; coxph ties them (timefix = TRUE,
# aeqSurv). The file keeps all 17 digits, so the noise survives the reading.
yrs <- rbind(transform(vet, years = time / 365.25), transform(vet, years = (time / 7) / (365.25 / 7)))
yrs <- yrs[, c("start", "years", "status", "trt", "karno", "age")]
years_file <- file.path(out, "veteran_years.csv")
write.csv(transform(yrs, years = sprintf("%.17g", years)), years_file, row.names = FALSE, quote = FALSE)
years_d <- read.csv(years_file)
cat("timefix: distinct times", length(unique(years_d$years)), "of which R ties them to",
    length(unique(aeqSurv(Surv(years_d$years, years_d$status))[, 1])), "\n")
run("veteran_years_efron", 'coxph(Surv(years, status) ~ trt + karno + age, data = d)', years_d)
run("veteran_years_breslow", 'coxph(Surv(years, status) ~ trt + karno + age, data = d, ties = "breslow")', years_d)
