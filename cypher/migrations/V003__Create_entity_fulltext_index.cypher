// Typo-tolerant search over names and aliases; searchText holds the aliases and their accent-folded forms.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Person|Union|Confederation|Organization|Country|Event) ON EACH [n.name, n.searchText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };
