# Reference figures for the goal method (tests/unit/stats-reference.test.ts),
# computed independently of the project's TypeScript with R and its `survey`
# package (Lumley). Run from the repository root:
#
#   Rscript tests/reference/goals.R > tests/reference/goals-expected.csv
#
# Inputs (committed beside this script):
#   goals-respondents.csv  two waves (2024 baseline, 2025 latest), gender, age, three 0/1 indicators
#   goals-margins.csv      population counts per gender and age category
#   goals-definitions.csv  three goals: indicator, direction, target
#
# Method (as README "The authority dashboard" describes it):
#   weights   survey::rake to both margins, per wave; compared after scaling to mean 1
#   share     weighted mean (survey::svymean), Kish effective n = (sum w)^2 / sum w^2
#   interval  Wilson score interval on the effective n, z = qnorm(0.975)
#   change    latest - baseline; Newcombe's hybrid score interval (method 10);
#             pooled two-proportion z-test on effective sizes, checked against
#             stats::prop.test(correct = FALSE), whose chi-squared is z^2
#   Holm      stats::p.adjust(method = "holm") over the three goals of the latest wave
#   verdicts  target: met if the whole 95 % interval is on the goal's side of the target,
#             not met if wholly on the other side, else unclear;
#             change: improved / worsened if Holm-adjusted p < 0.05, else no clear change
suppressPackageStartupMessages(library(survey))

resp <- read.csv("tests/reference/goals-respondents.csv", colClasses = c(wave = "character", gender = "character", age = "character"))
margins <- read.csv("tests/reference/goals-margins.csv", colClasses = c(category = "character"))
goals <- read.csv("tests/reference/goals-definitions.csv", colClasses = c(goal = "character", indicator = "character", direction = "character"))

z <- qnorm(0.975)
out <- data.frame(key = character(), value = character())
put <- function(key, value) {
  v <- if (is.character(value)) value else sprintf("%.17g", value)
  out[nrow(out) + 1, ] <<- c(key, v)
}

pop_gender <- data.frame(gender = margins$category[margins$variable == "gender"], Freq = margins$population[margins$variable == "gender"])
pop_age <- data.frame(age = margins$category[margins$variable == "age"], Freq = margins$population[margins$variable == "age"])

wilson <- function(x, n) {
  p <- x / n
  d <- 1 + z^2 / n
  centre <- (p + z^2 / (2 * n)) / d
  half <- z / d * sqrt(p * (1 - p) / n + z^2 / (4 * n^2))
  c(max(0, centre - half), min(1, centre + half))
}

est <- list()
for (w in c("2024", "2025")) {
  d <- resp[resp$wave == w, ]
  des <- svydesign(ids = ~1, data = d, weights = rep(1, nrow(d)))
  raked <- rake(des, list(~gender, ~age), list(pop_gender, pop_age), control = list(maxit = 1000, epsilon = 1e-13, verbose = FALSE))
  wt <- weights(raked)
  wt <- wt / mean(wt)
  for (i in seq_len(nrow(d))) put(sprintf("weight.%s.%d", w, d$id[i]), wt[i])
  neff <- sum(wt)^2 / sum(wt^2)
  put(sprintf("effectiveN.%s", w), neff)
  put(sprintf("designEffect.%s", w), nrow(d) / neff)
  for (g in seq_len(nrow(goals))) {
    y <- goals$indicator[g]
    p <- unname(coef(svymean(as.formula(paste0("~", y)), raked)))
    ci <- wilson(p * neff, neff)
    est[[paste(goals$goal[g], w)]] <- c(p = p, n = neff, low = ci[1], high = ci[2])
    put(sprintf("p.%s.%s", goals$goal[g], w), p)
    put(sprintf("low.%s.%s", goals$goal[g], w), ci[1])
    put(sprintf("high.%s.%s", goals$goal[g], w), ci[2])
  }
}

pvals <- numeric()
for (g in seq_len(nrow(goals))) {
  id <- goals$goal[g]
  a <- est[[paste(id, "2024")]]
  b <- est[[paste(id, "2025")]]
  diff <- b[["p"]] - a[["p"]]
  low <- diff - sqrt((b[["p"]] - b[["low"]])^2 + (a[["high"]] - a[["p"]])^2)
  high <- diff + sqrt((b[["high"]] - b[["p"]])^2 + (a[["p"]] - a[["low"]])^2)
  pooled <- (a[["p"]] * a[["n"]] + b[["p"]] * b[["n"]]) / (a[["n"]] + b[["n"]])
  zs <- diff / sqrt(pooled * (1 - pooled) * (1 / a[["n"]] + 1 / b[["n"]]))
  pv <- 2 * pnorm(-abs(zs))
  # An independent check of the z-test: prop.test's uncorrected chi-squared is z^2 on the same (non-integer) counts.
  pt <- suppressWarnings(prop.test(c(a[["p"]] * a[["n"]], b[["p"]] * b[["n"]]), c(a[["n"]], b[["n"]]), correct = FALSE))
  stopifnot(abs(pt$p.value - pv) < 1e-12)
  pvals[id] <- pv
  put(sprintf("difference.%s", id), diff)
  put(sprintf("changeLow.%s", id), low)
  put(sprintf("changeHigh.%s", id), high)
  put(sprintf("z.%s", id), zs)
  put(sprintf("pValue.%s", id), pv)
}
adjusted <- p.adjust(pvals, method = "holm")
for (g in seq_len(nrow(goals))) {
  id <- goals$goal[g]
  put(sprintf("holm.%s", id), adjusted[[id]])
  b <- est[[paste(id, "2025")]]
  target <- goals$target[g]
  decrease <- goals$direction[g] == "decrease"
  tv <- if (decrease) {
    if (b[["high"]] <= target) "met" else if (b[["low"]] > target) "not_met" else "unclear"
  } else {
    if (b[["low"]] >= target) "met" else if (b[["high"]] < target) "not_met" else "unclear"
  }
  put(sprintf("targetVerdict.%s", id), tv)
  diff <- b[["p"]] - est[[paste(id, "2024")]][["p"]]
  cv <- if (adjusted[[id]] >= 0.05 || diff == 0) "no_clear_change" else if ((diff < 0) == decrease) "improved" else "worsened"
  put(sprintf("changeVerdict.%s", id), cv)
}
put("R.version", R.version.string)
put("survey.version", as.character(packageVersion("survey")))
write.csv(out, stdout(), row.names = FALSE, quote = FALSE)
