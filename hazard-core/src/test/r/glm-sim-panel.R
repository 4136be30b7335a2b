# Simulated study-like panel shared by the glm and finegray fixtures (written by glm-fixtures.R).
# 128 subjects observed on days 1..60 as (day - 1, day] rows; event codes 1 and 2 (two competing modes),
# random drop-out (censoring) before day 60, static and time-varying covariates, a few missing values.
simulate_panel <- function(seed = 20200201) {
  set.seed(seed)
  rows <- list()
  for (id in 1:128) {
    x1 <- rnorm(1)
    x2 <- rbinom(1, 1, 0.4)
    dropout <- if (runif(1) < 0.25) sample(10:59, 1) else 60
    level <- rnorm(1, 0, 0.5)
    switchday <- sample(5:55, 1)
    for (day in 1:dropout) {
      z <- round(level + 0.05 * day + rnorm(1, 0, 0.3), 3)
      w <- as.numeric(day > switchday)
      h <- exp(-4.6 + 0.5 * x1 + 0.4 * x2 + 0.3 * z + 0.4 * w)
      event <- 0
      if (runif(1) < h) event <- if (runif(1) < plogis(-0.3 + 1.2 * x2)) 2 else 1
      rows[[length(rows) + 1]] <- data.frame(id = id, start = day - 1, stop = day, event = event,
                                             x1 = round(x1, 4), x2 = x2, z = z, w = w)
      if (event > 0) break
    }
  }
  d <- do.call(rbind, rows)
  d$const <- 1
  d$x1dup <- 2 * d$x1
  d$z[c(17, 400, 1500)] <- NA   # complete cases: these rows are left out of fits using z
  d
}
