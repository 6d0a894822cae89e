-- The complainant's ID number (optional; needed for real-name reports and insurance claims), encrypted at rest.
alter table complaints.complaint add column complainant_id_enc text;
alter table complaints.complaint add column complainant_id_masked text;
