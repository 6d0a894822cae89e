-- Exact look-up of an enterprise by its folded name (complaint intake matches respondents this way).
create index enterprise_name_key on registry.enterprise (name_key);
