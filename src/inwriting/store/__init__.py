"""Storage: SQLAlchemy tables, the database engine, repository functions, Alembic migrations."""
