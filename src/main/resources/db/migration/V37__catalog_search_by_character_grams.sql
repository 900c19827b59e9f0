-- Catalog search without scanning the catalog (issue 19). A word is looked for anywhere inside the search text, and
-- a Chinese word has no spaces around it, so neither full-text search nor pg_trgm's trigrams (which need three
-- characters, and letters as the locale sees them) serve a two-character word like 人口. Instead the search text's
-- single characters and pairs of characters are indexed (GIN, on an expression: the table's rows stay as narrow as
-- they were, which counting the whole catalog depends on). A word of two or more characters is in a text only if
-- all its pairs are, so the index gives the candidate rows, and the query's LIKE keeps those holding the word; a
-- one-character word looks up that character. Pairs holding a space are left out: a query word has none.
-- Its cost is set high: computed row by row it is costly, so the planner is to reach rows through the index and
-- never filter on it a row at a time.
create function catalog_grams(search_text text) returns text[]
    language sql immutable strict parallel safe cost 10000
as $$
    select coalesce(array_agg(distinct gram), '{}')
    from (select substr(search_text, i, 1) as gram from generate_series(1, length(search_text)) as i
          union all
          select substr(search_text, i, 2) from generate_series(1, length(search_text) - 1) as i) as grams
    where gram !~ '[ \t\n\r\f\v]'
$$;

create index catalog_resource_search_grams on catalog_resource using gin (catalog_grams(search_text));
