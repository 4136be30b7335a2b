# The expected values of one coxph fit, as every Cox fixture script writes them (sourced from the repository root by
# hazard-core/src/test/r/cox_fixtures.R and the study scripts in hazard-study/src/test/r/); the caller sets `out`,
# the folder the <case>.expected.csv files go to. Keys: the R call, n, events, loglik0, loglik, iter, lr, wald,
# score, concordance, coef.<term>, se.<term>, robust.<term>, zph.<term>, zph.GLOBAL (NA where R gives none),
# warnings and infinite. run() adds CONTROL to the call, so every fit runs to convergence as the engine does.
num <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
CONTROL <- "control = coxph.control(eps = 1e-11, iter.max = 100)"


expect <- function(case, call_text, fit, warned, zph = TRUE) {
  cf <- coef(fit)
  terms <- names(cf)
  se <- sqrt(diag(if (is.null(fit$naive.var)) fit$var else fit$naive.var))
  rob <- if (is.null(fit$naive.var)) rep(NA, length(cf)) else sqrt(diag(fit$var))
  # coxph keeps a zero variance for an aliased term; report NA like the coefficient
  se[is.na(cf)] <- NA; rob[is.na(cf)] <- NA
  keys <- c("call", "n", "events", "loglik0", "loglik", "iter", "lr", "wald", "score", "concordance")
  vals <- c(call_text, fit$n, fit$nevent, num(fit$loglik[1]), num(fit$loglik[2]), fit$iter,
            num(2 * diff(fit$loglik)), num(fit$wald.test), num(fit$score),
            num(fit$concordance["concordance"]))
  keys <- c(keys, paste0("coef.", terms), paste0("se.", terms), paste0("robust.", terms))
  vals <- c(vals, num(cf), num(se), num(rob))
  z <- if (zph) try(cox.zph(fit), silent = TRUE) else NULL
  if (!is.null(z) && !inherits(z, "try-error")) {
    tb <- z$table
    keys <- c(keys, paste0("zph.", rownames(tb)))
    vals <- c(vals, num(tb[, "chisq"]))
  } else {
    keys <- c(keys, "zph.GLOBAL")
    vals <- c(vals, "NA")
  }
  # "Loglik converged before variable  1,3 ; ..." names terms by position
  inf <- grep("^Loglik converged before variable", warned, value = TRUE)
  inf <- if (length(inf)) terms[as.integer(strsplit(gsub("[^0-9,]", "", sub(";.*", "", inf[1])), ",")[[1]])] else "none"
  keys <- c(keys, "warnings", "infinite")
  vals <- c(vals, if (length(warned)) paste(trimws(warned), collapse = " | ") else "none", paste(inf, collapse = ","))
  write.csv(data.frame(key = keys, value = vals), file.path(out, paste0(case, ".expected.csv")),
            row.names = FALSE)
  cat(case, ": iter", fit$iter, " loglik", fit$loglik[2], if (length(warned)) paste(" warnings:", warned), "\n")
}

run <- function(case, call_text, data, zph = TRUE) {
  call_text <- sub("\\)$", paste0(", ", CONTROL, ")"), call_text)
  warned <- character()
  fit <- withCallingHandlers(eval(parse(text = call_text), envir = list(d = data)),
                             warning = function(w) { warned <<- c(warned, conditionMessage(w)); invokeRestart("muffleWarning") })
  expect(case, call_text, fit, warned, zph)
}
