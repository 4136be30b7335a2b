-- What each result is (its provenance as columns, so a history never mixes two option sets of a spec) and a read
-- model of its coefficients (a term's history is a query, not a parse of every stored payload).
alter table fit_result
    add column study               varchar(100),
    add column options_fingerprint varchar(64),
    add column options             jsonb,
    add column engine              varchar(100),
    add column converged           boolean,
    add column identified          boolean;

update fit_result
set study               = payload -> 'provenance' ->> 'study',
    options_fingerprint = payload -> 'provenance' ->> 'optionsFingerprint',
    options             = payload -> 'provenance' -> 'options',
    engine              = payload -> 'provenance' ->> 'engine',
    converged           = (payload -> 'result' ->> 'converged')::boolean,
    identified          = (payload -> 'result' ->> 'identified')::boolean;

-- A spec's history under one option set, in computed order.
create index fit_result_spec_options_computed on fit_result (spec, options_fingerprint, computed_at, id);

-- One row per coefficient of a stored result, in the result's order (position from 0). The numbers are the fit
-- contract's: null where the result has none (a term that could not be estimated).
create table fit_coefficient (
    result_id        bigint           not null references fit_result (id),
    position         integer          not null,
    term             varchar(200)     not null,
    estimate         double precision,
    std_error        double precision,
    robust_std_error double precision,
    z                double precision,
    p_value          double precision,
    hazard_ratio     double precision,
    conf_low         double precision,
    conf_high        double precision,
    primary key (result_id, position)
);

create index fit_coefficient_term on fit_coefficient (term, result_id);

insert into fit_coefficient (result_id, position, term, estimate, std_error, robust_std_error, z, p_value,
                             hazard_ratio, conf_low, conf_high)
select r.id,
       c.ordinality - 1,
       c.value ->> 'term',
       (c.value ->> 'estimate')::double precision,
       (c.value ->> 'stdError')::double precision,
       (c.value ->> 'robustStdError')::double precision,
       (c.value ->> 'z')::double precision,
       (c.value ->> 'pValue')::double precision,
       (c.value ->> 'hazardRatio')::double precision,
       (c.value ->> 'confLow')::double precision,
       (c.value ->> 'confHigh')::double precision
from fit_result r,
     jsonb_array_elements(r.payload -> 'result' -> 'coefficients') with ordinality c;
