from ._blocks import callout, code, course, lesson, question, text, ul

COURSE = course(
    slug="sql-for-analysts",
    title="SQL for analysts",
    summary=(
        "Write the queries analysts use every day with confidence: filtering, aggregating, joining without "
        "double counting, and window functions for rankings and running totals. Examples use PostgreSQL."
    ),
    level="intermediate",
    skills=["SQL", "Data visualisation"],
    authors=["expert@example.com"],
    co_authors=["reviewer@example.com"],
    audience="Analysts and curious colleagues who can read a spreadsheet and want answers straight from the database.",
    lessons=[
        lesson(
            "select-and-where",
            "Selecting and filtering rows",
            "SELECT, WHERE, ORDER BY and LIMIT, how SQL treats missing values, and the habit of checking your row "
            "counts.",
            12,
            text(
                "<p>Every example in this course uses two tables from our sales warehouse: <code>customers</code> "
                "(one row per customer, with <code>region</code>, <code>credit_limit</code> and <code>signed_up_at</code>) and "
                "<code>orders</code> (one row per order, with <code>customer_id</code>, <code>ordered_at</code>, "
                "<code>status</code> and <code>total_amount</code>). Open the read-only analytics connection and "
                "run each query as you go; reading SQL is not the same as writing it.</p>",
                "<h2>Ask for exactly the columns you need</h2>",
                "<p><code>SELECT *</code> is fine for a first look, but name your columns in anything you keep. It "
                "documents intent, it is faster on wide tables, and it won't silently change when someone adds a "
                "column upstream.</p>",
            ),
            code(
                "sql",
                """
SELECT order_id, customer_id, ordered_at, total_amount
FROM orders
WHERE status = 'paid'
  AND ordered_at >= DATE '2026-01-01'
  AND ordered_at <  DATE '2026-04-01'
ORDER BY total_amount DESC
LIMIT 20;
""",
                "The twenty largest paid orders in the first quarter. Note the half-open date range.",
            ),
            text(
                "<h2>Date ranges: include the start, exclude the end</h2>",
                "<p>Writing <code>ordered_at BETWEEN '2026-01-01' AND '2026-03-31'</code> looks natural but drops "
                "everything after midnight on 31 March when the column holds timestamps. A half-open range "
                "(greater than or equal to the start, strictly less than the next period's start) is correct for "
                "both dates and timestamps.</p>",
                "<h2>NULL is not a value</h2>",
                "<p>NULL means “unknown”, and any comparison with it is unknown too, so "
                "<code>WHERE region = NULL</code> returns nothing. Use <code>IS NULL</code> and "
                "<code>IS NOT NULL</code>. The same logic catches people out with <code>NOT IN</code>: if the list "
                "contains a NULL, the condition is never true. Use <code>COALESCE(region, 'Unknown')</code> when "
                "you want missing values shown as a label in a report.</p>",
            ),
            callout(
                "tip",
                "<p>Before you trust a filter, run <code>SELECT COUNT(*)</code> with and without it. If the numbers "
                "surprise you, find out why before you build anything on top.</p>",
            ),
        ),
        lesson(
            "group-by-and-aggregates",
            "Aggregating with GROUP BY",
            "Counting, summing and averaging by group, the difference between WHERE and HAVING, and counting "
            "distinct things.",
            12,
            text(
                "<p>Most questions stakeholders ask are aggregates in disguise: how many, how much, on average, per "
                "month, per region. <code>GROUP BY</code> collapses rows that share the same values into one row "
                "per group, and aggregate functions summarise each group.</p>",
                "<p>The rule to remember: every column in the <code>SELECT</code> list must either be in the "
                "<code>GROUP BY</code> or be inside an aggregate function. If you find yourself fighting that rule, "
                "you are usually mixing two levels of detail in one query. Step back and decide what one row of the "
                "answer should represent before you write anything else.</p>",
            ),
            code(
                "sql",
                """
SELECT c.region,
       date_trunc('month', o.ordered_at) AS month,
       COUNT(*)                       AS orders,
       COUNT(DISTINCT o.customer_id)  AS buying_customers,
       SUM(o.total_amount)            AS revenue,
       ROUND(AVG(o.total_amount), 2)  AS average_order
FROM orders AS o
JOIN customers AS c ON c.customer_id = o.customer_id
WHERE o.status = 'paid'
GROUP BY c.region, date_trunc('month', o.ordered_at)
HAVING SUM(o.total_amount) > 10000
ORDER BY month, region;
""",
                "Monthly paid revenue per region, keeping only region-months above 10,000.",
            ),
            text(
                "<h2>WHERE filters rows, HAVING filters groups</h2>",
                "<p><code>WHERE</code> runs before grouping, so it can only see individual rows. "
                "<code>HAVING</code> runs after, so it can test aggregates. Put as much as you can in "
                "<code>WHERE</code>: it is clearer and lets the database discard rows early.</p>",
                "<h2>COUNT(*), COUNT(column) and COUNT(DISTINCT column)</h2>",
                ul(
                    "<code>COUNT(*)</code> counts rows in the group.",
                    "<code>COUNT(column)</code> counts rows where that column is not NULL.",
                    "<code>COUNT(DISTINCT column)</code> counts different non-NULL values: customers, not orders.",
                ),
            ),
            callout(
                "note",
                "<p>Averages hide distributions. When you report an average order value, glance at the median "
                "too (<code>percentile_cont(0.5) WITHIN GROUP (ORDER BY total_amount)</code>). A few very large "
                "orders can pull the mean well away from a typical order.</p>",
            ),
        ),
        lesson(
            "joins-without-surprises",
            "Joins without surprises",
            "INNER and LEFT joins, why row counts change after a join, and how to avoid double counting.",
            15,
            text(
                "<p>A join matches rows from two tables on a condition. The two you will use most are "
                "<code>INNER JOIN</code>, which keeps only rows with a match on both sides, and "
                "<code>LEFT JOIN</code>, which keeps every row from the left table and fills the right side with "
                "NULLs where there is no match.</p>",
            ),
            code(
                "sql",
                """
-- Every customer, with their paid order count (zero if none)
SELECT c.customer_id, c.name, COUNT(o.order_id) AS paid_orders
FROM customers AS c
LEFT JOIN orders AS o
       ON o.customer_id = c.customer_id
      AND o.status = 'paid'
GROUP BY c.customer_id, c.name;
""",
                "The status filter sits in the ON clause, so customers without paid orders are kept.",
            ),
            text(
                "<h2>The LEFT JOIN that quietly became an INNER JOIN</h2>",
                "<p>Had we written <code>WHERE o.status = 'paid'</code> instead, customers with no orders would "
                "have <code>o.status</code> as NULL, fail the filter and disappear. Conditions on the right-hand "
                "table of a left join belong in the <code>ON</code> clause if you want to keep unmatched rows.</p>",
                "<h2>Fan-out: when totals go up after a join</h2>",
                "<p>If one customer has many orders and you join customers to orders, each customer row is repeated "
                "once per order. Sum a customer-level column afterwards (say, a credit limit) and you will count it "
                "several times. Before joining, ask: what is the grain of each table, one row per what? After "
                "joining, compare row counts with what you expected.</p>",
                "<p>The cure is to aggregate before you join, so that both sides are at the same grain.</p>",
            ),
            code(
                "sql",
                """
WITH order_totals AS (
    SELECT customer_id, SUM(total_amount) AS lifetime_value
    FROM orders
    WHERE status = 'paid'
    GROUP BY customer_id
)
SELECT c.region, SUM(c.credit_limit) AS credit, SUM(t.lifetime_value) AS revenue
FROM customers AS c
LEFT JOIN order_totals AS t ON t.customer_id = c.customer_id
GROUP BY c.region;
""",
                "Aggregate orders to one row per customer first, then join: no double counting.",
            ),
            question(
                "You LEFT JOIN customers to orders and add WHERE o.status = 'paid'. What happens to customers who "
                "have never ordered?",
                [
                    ("They are kept, with NULL order columns.", False,
                     "That is what the LEFT JOIN alone would do, but the WHERE clause then tests o.status, which "
                     "is NULL for them."),
                    ("They are removed, because NULL = 'paid' is not true.", True,
                     "Right. The WHERE filter turns the left join into an inner join; move the condition into ON."),
                    ("The query fails with an error.", False,
                     "It runs without complaint, which is exactly why this mistake is easy to miss."),
                ],
                "Filters on the right-hand table of a LEFT JOIN go in the ON clause if you want unmatched rows kept.",
            ),
            question(
                "After joining customers to orders, total credit limit per region has tripled. What is the most "
                "likely cause?",
                [
                    ("The customers table has duplicate rows.", False,
                     "Possible, but check it: the more common cause is the join itself repeating customer rows."),
                    ("Each customer row is repeated once per order (fan-out).", True,
                     "Yes. Customer-level values are summed once per matching order; aggregate orders first."),
                    ("SUM ignores NULLs.", False,
                     "True, but ignoring NULLs can only lower a sum, never triple it."),
                ],
                "Know each table's grain and aggregate to the same grain before you join.",
            ),
        ),
        lesson(
            "window-functions",
            "Window functions for rankings and running totals",
            "ROW_NUMBER, RANK, running totals and LAG: calculations across related rows without collapsing them.",
            15,
            text(
                "<p>An aggregate with <code>GROUP BY</code> turns many rows into one. A window function calculates "
                "across a set of related rows but keeps every row. That makes it the right tool for “latest order "
                "per customer”, “top three products per region”, running totals and month-on-month change.</p>",
                "<p>The <code>OVER</code> clause defines the window: <code>PARTITION BY</code> splits rows into "
                "groups, and <code>ORDER BY</code> sets the order within each group.</p>",
            ),
            code(
                "sql",
                """
-- Latest paid order per customer
SELECT *
FROM (
    SELECT o.*,
           ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY ordered_at DESC) AS rn
    FROM orders AS o
    WHERE status = 'paid'
) AS ranked
WHERE rn = 1;
""",
                "You cannot filter on a window function in the same WHERE clause, hence the subquery.",
            ),
            code(
                "sql",
                """
WITH monthly AS (
    SELECT date_trunc('month', ordered_at) AS month, SUM(total_amount) AS revenue
    FROM orders
    WHERE status = 'paid'
    GROUP BY 1
)
SELECT month,
       revenue,
       SUM(revenue) OVER (ORDER BY month) AS running_total,
       revenue - LAG(revenue) OVER (ORDER BY month) AS change_on_previous_month
FROM monthly
ORDER BY month;
""",
                "Running total and month-on-month change in one pass.",
            ),
            text(
                "<p><code>ROW_NUMBER</code> gives ties different numbers, <code>RANK</code> gives ties the same "
                "number and leaves gaps, and <code>DENSE_RANK</code> gives ties the same number without gaps. "
                "Choose deliberately: for “the latest order” you want exactly one row, so use "
                "<code>ROW_NUMBER</code> with a tie-breaker such as <code>order_id</code>.</p>",
                "<h2>From query to chart</h2>",
                "<p>Window functions are often the last step before a chart. A running total makes a cumulative "
                "line chart; month-on-month change suits a bar chart with a zero baseline. Shape the result so each "
                "row is one point on the chart, and name the columns as you want them labelled.</p>",
            ),
            question(
                "You need exactly one row per customer: their most recent order. Which function fits best?",
                [
                    ("RANK()", False,
                     "RANK gives tied orders the same number, so two orders at the same time would both be 1."),
                    ("ROW_NUMBER()", True,
                     "Right. ROW_NUMBER always numbers rows 1, 2, 3…, so filtering on 1 gives one row each."),
                    ("SUM() OVER ()", False, "That computes a total across rows; it doesn't pick a single row."),
                ],
                "Use ROW_NUMBER with a deterministic ORDER BY (add a tie-breaker) when you need one row per group.",
            ),
            question(
                "Which statements about window functions are true?",
                [
                    ("They keep every input row, unlike GROUP BY.", True,
                     "Yes. That is the defining difference from ordinary aggregates."),
                    ("You can filter on them directly in the same query's WHERE clause.", False,
                     "No. WHERE runs before windows are computed; use a subquery or CTE and filter outside it."),
                    ("PARTITION BY splits the rows into independent groups.", True,
                     "Yes. The calculation restarts for each partition, such as each customer."),
                    ("LAG returns a value from an earlier row in the window's order.", True,
                     "Yes. LAG(revenue) gives the previous row's revenue, which is handy for change over time."),
                ],
                "Window functions compute across related rows while keeping detail; filter on them one level up.",
            ),
        ),
    ],
)
