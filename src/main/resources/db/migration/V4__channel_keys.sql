-- Channels authenticate with API keys of their own instead of Camunda users: several keys per channel (rotation),
-- stored as SHA-256 digests, revocable, with the time of last use.
CREATE TABLE api_channel (
    id VARCHAR(64) PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE api_key (
    id VARCHAR(20) PRIMARY KEY,
    channel_id VARCHAR(64) NOT NULL REFERENCES api_channel (id),
    name VARCHAR(200) NOT NULL,
    secret_hash CHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_key_secret UNIQUE (secret_hash)
);

CREATE INDEX api_key_channel ON api_key (channel_id);
