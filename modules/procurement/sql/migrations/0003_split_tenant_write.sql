-- Reads filtered by tenant_read alone, so organisation-led indexes serve them (see kernel 0004).
select kernel.split_tenant_write('procurement');
