/**
 * Fine-Gray subdistribution hazards as R builds them: {@link org.hazardstream.core.finegray.FineGrayExpansion}
 * reproduces {@code survival::finegray} (tested row for row against its output, delayed entry included), and
 * {@link org.hazardstream.core.finegray.FineGrayModel} fits the weighted Cox model on the expanded rows with
 * {@code org.hazardstream.core.cox.CoxRegression}: R's
 * {@code coxph(Surv(fgstart, fgstop, fgstatus) ~ ..., weights = fgwt, cluster = id)}. Without --cluster the fit is
 * model-based (R: {@code robust = FALSE}; coxph would otherwise switch on a per-row robust variance for the
 * non-integer weights). Fixtures: hazard-core/src/test/r/finegray-fixtures.R.
 */
package org.hazardstream.core.finegray;
