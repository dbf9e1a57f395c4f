-- what a job offers: a salary range (amounts per period in an ISO 4217 currency), where the work happens, how many people it hires
alter table jobs add column salary_min      numeric(14, 2);
alter table jobs add column salary_max      numeric(14, 2);
alter table jobs add column salary_currency text;
alter table jobs add column salary_period   text check (salary_period in ('year', 'month', 'hour'));
alter table jobs add column remote          text check (remote in ('onsite', 'hybrid', 'remote'));
alter table jobs add column openings        integer not null default 1 check (openings >= 1);
alter table jobs add constraint jobs_salary_range check (salary_min is null or salary_max is null or salary_min <= salary_max);

-- what a stage is for, so reports can find the hire and the interviews whatever the stages are called
alter table stages add column type text not null default 'custom'
    check (type in ('applied', 'screen', 'interview', 'offer', 'hired', 'custom'));
update stages set type = case lower(name)
    when 'applied' then 'applied'
    when 'screen' then 'screen'
    when 'screening' then 'screen'
    when 'interview' then 'interview'
    when 'offer' then 'offer'
    when 'hired' then 'hired'
    else 'custom' end;

-- the parts of a candidate's name, for integrations that keep them apart; name stays the display name
alter table candidates add column first_name text;
alter table candidates add column last_name text;
