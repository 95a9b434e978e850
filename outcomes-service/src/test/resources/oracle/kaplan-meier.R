# R's survival package as the outside oracle for outcomes-service's Kaplan-Meier (KaplanMeierOracleTest).
# Reads cohort,time,event from the first argument; writes every step of survfit(conf.type = "log-log") and the
# quartiles of quantile.survfit to the second, with 17 significant digits; NA where R has none.
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
data <- read.csv(args[1])
g <- function(x) ifelse(is.na(x) | is.nan(x), "NA", sprintf("%.17g", x))
out <- file(args[2], "w")
writeLines("kind,cohort,time,n_risk,n_event,surv,std_err,lower,upper", out)
for (cohort in unique(data$cohort)) {
  d <- data[data$cohort == cohort, ]
  fit <- survfit(Surv(time, event) ~ 1, data = d, conf.type = "log-log")
  s <- summary(fit, censored = TRUE)
  writeLines(paste("step", cohort, s$time, s$n.risk, s$n.event, g(s$surv), g(s$std.err), g(s$lower), g(s$upper),
                   sep = ","), out)
  q <- quantile(fit, c(0.25, 0.5, 0.75), conf.int = FALSE)
  writeLines(paste("quantile", cohort, c(25, 50, 75), "", "", g(q), "", "", "", sep = ","), out)
}
close(out)
