-- The event types the queue depotops.incidents.events is bound to, as last reconciled with the
-- rules: the record lets a reconcile unbind what no rule reads any more (AMQP cannot list bindings).
create table event_binding (
    event_type text primary key
);
