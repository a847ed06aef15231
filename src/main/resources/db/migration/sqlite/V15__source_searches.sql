-- A source's search as data: the syntax its search string is written in (search.Syntax id, e.g.
-- 'ovid-medline'; null when not given) and the number of records the database reported for the
-- search's last line (null when not recorded). The search string and its date are source.search_string
-- and source.searched_on, as before; an update search is a source of its own.
alter table source add column search_syntax text;
alter table source add column search_count bigint;
