# Expected values for the pce and logit tests (org.hazardstream.core.glm).
# Run from the repository root:  Rscript hazard-core/src/test/r/glm-fixtures.R
# Writes hazard-core/src/test/resources/r/glm/*.csv: the data sets, and expected-*.csv with one line per value:
# key, value (17 significant digits), the R expression that produced it.
# R 4.2.2, survival 3.5-3, sandwich 3.0-2 (Debian r-cran-survival, r-cran-sandwich).
suppressPackageStartupMessages({ library(survival); library(sandwich) })
# Every glm runs to convergence, as the engine does: glm.control(epsilon = 1e-14, maxit = 100) unless a call says
# otherwise, with R's default rank tolerance 1e-11 (glm.fit would take min(1e-7, epsilon / 1000) = 1e-17, and then
# miss an aliased column). anova's Rao refits reuse the fit's control and method.
glm_fit_default_tol <- eval(parse(text = gsub("min(1e-07, control$epsilon/1000)", "1e-11",
                                              deparse(stats::glm.fit), fixed = TRUE)))
environment(glm_fit_default_tol) <- environment(stats::glm.fit)
glm <- function(...) {
  call <- match.call()
  call[[1]] <- quote(stats::glm)
  if (is.null(call$control)) call$control <- quote(glm.control(epsilon = 1e-14, maxit = 100))
  call$method <- quote(glm_fit_default_tol)
  eval(call, parent.frame())
}
out <- "hazard-core/src/test/resources/r/glm"
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
# Rao score statistic of fit against fit0, Wald statistic on the named terms.
rao <- function(fit0, fit) anova(fit0, fit, test = "Rao")$Rao[2]
wald <- function(fit, terms, V = vcov(fit)) { b <- coef(fit)[terms]; drop(t(b) %*% solve(V[terms, terms]) %*% b) }
robust <- function(fit, cluster) vcovCL(fit, cluster = cluster, type = "HC0", cadjust = FALSE)

put_glm <- function(prefix, fit, fit0, terms, cluster, call, rcall) {
  V <- vcov(fit)
  R <- if (!is.null(cluster)) robust(fit, cluster) else NULL
  for (t in names(coef(fit))) {
    if (is.na(coef(fit)[t])) { put(paste0(prefix, ".coef.", t), NA, paste0("coef(", call, ")['", t, "'] is NA")); next }
    put(paste0(prefix, ".coef.", t), coef(fit)[t], paste0("coef(", call, ")['", t, "']"))
    put(paste0(prefix, ".se.", t), sqrt(V[t, t]), paste0("sqrt(diag(vcov(", call, ")))['", t, "']"))
    if (!is.null(R)) put(paste0(prefix, ".rse.", t), sqrt(R[t, t]),
                         paste0("sqrt(diag(sandwich::vcovCL(", call, ", cluster = ~id, type = 'HC0', cadjust = FALSE)))['", t, "']"))
  }
  put(paste0(prefix, ".loglik"), logLik(fit), paste0("logLik(", call, ")"))
  put(paste0(prefix, ".nullloglik"), logLik(fit0), paste0("logLik(", call, "0)"))
  put(paste0(prefix, ".aic"), AIC(fit), paste0("AIC(", call, ")"))
  est <- terms[!is.na(coef(fit)[terms])]
  put(paste0(prefix, ".lr"), 2 * (logLik(fit) - logLik(fit0)), paste0("2 * (logLik(", call, ") - logLik(", call, "0))"))
  put(paste0(prefix, ".df"), length(est), "number of estimated covariate terms")
  put(paste0(prefix, ".wald"), wald(fit, est, if (is.null(R)) V else R),
      paste0("t(b) %*% solve(V) %*% b, b = coef(", call, ")[covariates], V = ", if (is.null(R)) "vcov" else "vcovCL HC0", "[covariates, covariates]"))
  put(paste0(prefix, ".score"), rao(fit0, fit), paste0("anova(", call, "0, ", call, ", test = 'Rao')$Rao[2]"))
  put(paste0(prefix, ".converged"), as.numeric(fit$converged), paste0(call, "$converged"))
  cat(prefix, ":", rcall, "\n")
}

# ---------------------------------------------------------------------------------------------------------------
# 1. simulated panel
panel <- simulate_panel()
write.csv(panel, file.path(out, "sim-panel.csv"), row.names = FALSE, na = "")
panel <- read.csv(file.path(out, "sim-panel.csv"))
cc <- panel[complete.cases(panel[, c("x1", "x2", "z", "w")]), ]
put("panel.rows", nrow(panel), "nrow(panel)")
put("panel.used", nrow(cc), "nrow(cc): complete cases on x1, x2, z, w")
put("panel.events.any", sum(cc$event > 0), "sum(cc$event > 0)")
put("panel.events.1", sum(cc$event == 1), "sum(cc$event == 1)")

# pce, any event, breaks 28, z and w period-specific, cluster id
cc$ev <- as.numeric(cc$event > 0)
s <- survSplit(Surv(start, stop, ev) ~ ., data = cc, cut = 28, episode = "period")
s$`z@1` <- s$z * (s$period == 1); s$`z@2` <- s$z * (s$period == 2)
s$`w@1` <- s$w * (s$period == 1); s$`w@2` <- s$w * (s$period == 2)
pce <- glm(ev ~ 0 + factor(period) + x1 + x2 + `z@1` + `z@2` + `w@1` + `w@2`, family = poisson,
           offset = log(stop - start), data = s)
pce0 <- glm(ev ~ 0 + factor(period), family = poisson, offset = log(stop - start), data = s)
names(pce$coefficients) <- gsub("`", "", names(pce$coefficients))
put_glm("pce", pce, pce0, c("x1", "x2", "z@1", "z@2", "w@1", "w@2"), ~id, "pce",
        "glm(ev ~ 0 + factor(period) + x1 + x2 + z@1 + z@2 + w@1 + w@2, poisson, offset = log(stop - start), survSplit(cut = 28))")
put("pce.baseline.1", coef(pce)["factor(period)1"], "coef(pce)['factor(period)1']")
put("pce.baseline.2", coef(pce)["factor(period)2"], "coef(pce)['factor(period)2']")
put("pce.splitrows", nrow(s), "nrow(survSplit(..., cut = 28))")

# pce, event code 1 only, no period-specific terms, no cluster, with the constant and a collinear column
s$ev1 <- as.numeric(s$event == 1 & s$ev == 1)
pce1 <- glm(ev1 ~ 0 + factor(period) + x1 + x2 + z + w + const + x1dup, family = poisson, offset = log(stop - start), data = s)
pce10 <- glm(ev1 ~ 0 + factor(period), family = poisson, offset = log(stop - start), data = s)
put_glm("pce1", pce1, pce10, c("x1", "x2", "z", "w", "const", "x1dup"), NULL, "pce1",
        "glm(ev1 ~ 0 + factor(period) + x1 + x2 + z + w + const + x1dup, poisson, offset = log(stop - start), survSplit(cut = 28))")

# logit, any event, period2 dummy from breaks 28, cluster id
cc$y <- as.numeric(cc$event > 0)
cc$period2 <- as.numeric(cc$stop > 28)
lg <- glm(y ~ period2 + x1 + x2 + z + w, family = binomial, data = cc)
lg0 <- glm(y ~ period2, family = binomial, data = cc)
put_glm("logit", lg, lg0, c("x1", "x2", "z", "w"), ~id, "lg", "glm(y ~ period2 + x1 + x2 + z + w, binomial, cc)")

# logit, event code 2, with the constant and the collinear column (NA coefficients in R)
cc$y2 <- as.numeric(cc$event == 2)
lg2 <- glm(y2 ~ period2 + x1 + x2 + z + w + const + x1dup, family = binomial, data = cc)
lg20 <- glm(y2 ~ period2, family = binomial, data = cc)
put_glm("logit2", lg2, lg20, c("x1", "x2", "z", "w", "const", "x1dup"), NULL, "lg2",
        "glm(y2 ~ period2 + x1 + x2 + z + w + const + x1dup, binomial, cc)")
flush_expected("expected-sim-panel.csv")

# ---------------------------------------------------------------------------------------------------------------
# 2. veteran: pce on (0, time] split at 90, 180, 365; logit on the data split every 30 days
vet <- data.frame(id = seq_len(nrow(veteran)), start = 0, stop = veteran$time, event = veteran$status,
                  karno = veteran$karno, age = veteran$age, trt = veteran$trt - 1, prior = veteran$prior / 10,
                  diagtime = veteran$diagtime)
write.csv(vet, file.path(out, "veteran.csv"), row.names = FALSE)
vet <- read.csv(file.path(out, "veteran.csv"))
vs <- survSplit(Surv(start, stop, event) ~ ., data = vet, cut = c(90, 180, 365), episode = "period")
for (k in 1:4) vs[[paste0("karno@", k)]] <- vs$karno * (vs$period == k)
vpce <- glm(event ~ 0 + factor(period) + `karno@1` + `karno@2` + `karno@3` + `karno@4` + age + trt + prior + diagtime,
            family = poisson, offset = log(stop - start), data = vs)
vpce0 <- glm(event ~ 0 + factor(period), family = poisson, offset = log(stop - start), data = vs)
names(vpce$coefficients) <- gsub("`", "", names(vpce$coefficients))
put_glm("vpce", vpce, vpce0, c("karno@1", "karno@2", "karno@3", "karno@4", "age", "trt", "prior", "diagtime"), ~id, "vpce",
        "glm(event ~ 0 + factor(period) + karno:period + age + trt + prior + diagtime, poisson, offset, survSplit(veteran, cut = c(90, 180, 365)))")
for (k in 1:4) put(paste0("vpce.baseline.", k), coef(vpce)[paste0("factor(period)", k)], paste0("coef(vpce)['factor(period)", k, "']"))
put("vpce.maxstop", max(vet$stop), "max(veteran$time)")

vsplit <- survSplit(Surv(start, stop, event) ~ ., data = vet, cut = seq(30, 990, by = 30))
write.csv(vsplit, file.path(out, "veteran-split30.csv"), row.names = FALSE)
vsplit <- read.csv(file.path(out, "veteran-split30.csv"))
vsplit$period2 <- as.numeric(vsplit$stop > 90 & vsplit$stop <= 180)
vsplit$period3 <- as.numeric(vsplit$stop > 180)
vlg <- glm(event ~ period2 + period3 + karno + age + trt + prior + diagtime, family = binomial, data = vsplit)
vlg0 <- glm(event ~ period2 + period3, family = binomial, data = vsplit)
put_glm("vlogit", vlg, vlg0, c("karno", "age", "trt", "prior", "diagtime"), ~id, "vlg",
        "glm(event ~ period2 + period3 + karno + age + trt + prior + diagtime, binomial, survSplit(veteran, cut = seq(30, 990, 30)))")
flush_expected("expected-veteran.csv")

# ---------------------------------------------------------------------------------------------------------------
# 3. Firth's penalised logistic regression. R's logistf is not packaged for Debian (no r-cran-logistf), so the
# expected values come from a hand computation in R: Newton iterations on Firth's modified score
# U*(b) = X'(y - p + h (1/2 - p)), h = diag(W^1/2 X (X'WX)^-1 X' W^1/2), to |step| < 1e-13; SE = sqrt(diag((X'WX)^-1));
# loglik = penalised log likelihood l(b) + 1/2 log det(X'WX) (logistf's convention). Each solution is checked to
# maximise the penalised likelihood with optim(BFGS) from a perturbed start (printed, must agree to ~1e-6).
firth <- function(X, y) {
  b <- rep(0, ncol(X))
  for (i in 1:500) {
    p <- as.vector(plogis(X %*% b)); W <- p * (1 - p)
    I <- crossprod(X, W * X); Iinv <- solve(I)
    h <- W * rowSums((X %*% Iinv) * X)
    d <- Iinv %*% crossprod(X, y - p + h * (0.5 - p))
    step <- max(abs(d)); if (step > 5) d <- d * 5 / step
    b <- b + as.vector(d)
    if (max(abs(d)) < 1e-13) break
  }
  p <- as.vector(plogis(X %*% b)); W <- p * (1 - p); I <- crossprod(X, W * X)
  pl <- function(b) { p <- as.vector(plogis(X %*% b)); sum(y * log(p) + (1 - y) * log(1 - p)) +
    0.5 * as.numeric(determinant(crossprod(X, p * (1 - p) * X))$modulus) }
  check <- optim(b + 0.05, function(b) -pl(b), method = "BFGS", control = list(reltol = 1e-15, maxit = 10000))
  cat("firth check: max |optim - newton| =", max(abs(check$par - b)), "\n")
  list(coef = setNames(b, colnames(X)), se = setNames(sqrt(diag(solve(I))), colnames(X)), loglik = pl(b))
}
put_firth <- function(prefix, X, X0, y, terms) {
  f <- firth(X, y); f0 <- firth(X0, y)
  for (t in colnames(X)) {
    put(paste0(prefix, ".coef.", t), f$coef[t], paste0("firth(X, y)$coef['", t, "'] (hand Newton on the modified score)"))
    put(paste0(prefix, ".se.", t), f$se[t], paste0("sqrt(diag(solve(t(X) %*% diag(p(1-p)) %*% X)))['", t, "']"))
  }
  put(paste0(prefix, ".loglik"), f$loglik, "penalised loglik l(b) + 0.5 log det I(b) at the Firth estimate")
  put(paste0(prefix, ".nullloglik"), f0$loglik, "penalised loglik of the Firth fit with intercept (and period dummies) only")
  put(paste0(prefix, ".lr"), 2 * (f$loglik - f0$loglik), "2 * (penalised loglik - null penalised loglik), as logistf")
  put(paste0(prefix, ".aic"), -2 * f$loglik + 2 * ncol(X), "-2 * penalised loglik + 2 * number of coefficients")
  b <- f$coef[terms]; V <- solve(crossprod(X, (function(p) p * (1 - p))(as.vector(plogis(X %*% f$coef))) * X))
  put(paste0(prefix, ".wald"), drop(t(b) %*% solve(V[terms, terms]) %*% b), "t(b) %*% solve(V) %*% b over the covariates")
}
# complete separation: every row with x2 = 1 has the event (glm's estimate runs off to infinity)
set.seed(7)
sep <- data.frame(id = 1:60, start = 0, stop = 1, x1 = round(rnorm(60), 3), x2 = rep(0:1, c(45, 15)))
sep$event <- ifelse(sep$x2 == 1, 1, rbinom(60, 1, 0.2))
write.csv(sep, file.path(out, "firth-separation.csv"), row.names = FALSE)
sep <- read.csv(file.path(out, "firth-separation.csv"))
X <- cbind("(Intercept)" = 1, x1 = sep$x1, x2 = sep$x2)
put_firth("firthsep", X, X[, 1, drop = FALSE], sep$event, c("x1", "x2"))
ml <- suppressWarnings(glm(event ~ x1 + x2, family = binomial, data = sep))
put("firthsep.glm.x2", coef(ml)["x2"], "coef(glm(event ~ x1 + x2, binomial, sep))['x2'] (diverging: |b| large)")
# the simulated panel with period dummy
X <- cbind("(Intercept)" = 1, period2 = cc$period2, x1 = cc$x1, x2 = cc$x2, z = cc$z, w = cc$w)
put_firth("firthpanel", X, X[, 1:2], cc$y, c("x1", "x2", "z", "w"))
flush_expected("expected-firth.csv")

# ---------------------------------------------------------------------------------------------------------------
# 4. The standard pce and logit specs of panel-contract.md on the demo panel: demo-panel.csv is the panel that
# org.hazardstream.study.panel.PanelBuilder builds from deploy/local/demo with the study settings (hazard-cli panel
# --raw deploy/local/demo); all 16 covariates, breaks at 28, the 8 time-varying ones period-specific (pce),
# robust SE clustered by city_id.
demo <- read.csv(file.path(out, "demo-panel.csv"))
all16 <- c("population", "gdp_per_capita", "gdp_growth_q1", "internet_service", "internet_penetration", "data_agency",
           "leader_experience", "platform_type", "salience", "intra_city_travel", "inbound_migration",
           "cumulative_cases", "media_reports", "central_policy", "competition", "provincial_platform")
tv <- c("salience", "intra_city_travel", "inbound_migration", "cumulative_cases", "media_reports", "central_policy",
        "competition", "provincial_platform")
demo$id <- demo$city_id
demo$ev <- as.numeric(demo$event > 0)
ds <- survSplit(Surv(start, stop, ev) ~ ., data = demo, cut = 28, episode = "period")
dterms <- c()
for (v in all16) if (v %in% tv) {
  for (k in 1:2) { nm <- paste0(v, "@", k); ds[[nm]] <- ds[[v]] * (ds$period == k); dterms <- c(dterms, nm) }
} else dterms <- c(dterms, v)
bt <- function(x) paste0("`", x, "`")
dpce <- glm(as.formula(paste("ev ~ 0 + factor(period) +", paste(bt(dterms), collapse = " + "))), family = poisson,
            offset = log(stop - start), data = ds)
dpce0 <- glm(ev ~ 0 + factor(period), family = poisson, offset = log(stop - start), data = ds)
names(dpce$coefficients) <- gsub("`", "", names(dpce$coefficients))
put_glm("demopce", dpce, dpce0, dterms, ~id, "dpce",
        "glm(ev ~ 0 + factor(period) + static + tv@1 + tv@2, poisson, offset = log(stop - start), survSplit(demo, cut = 28))")
demo$period2 <- as.numeric(demo$stop > 28)
dlg <- glm(as.formula(paste("ev ~ period2 +", paste(all16, collapse = " + "))), family = binomial, data = demo)
dlg0 <- glm(ev ~ period2, family = binomial, data = demo)
put_glm("demologit", dlg, dlg0, all16, ~id, "dlg", "glm(ev ~ period2 + all 16 covariates, binomial, demo)")
put("demo.n", nrow(demo), "nrow(demo)")
put("demo.events", sum(demo$ev), "sum(demo$event > 0)")
flush_expected("expected-demo-panel.csv")
