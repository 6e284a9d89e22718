"""Core tables of DESIGN.md; track_point is range-partitioned by time with a default partition.

Revision ID: 0001
Revises: 
Create Date: 2026-11-29 01:14:34.122159

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from geoalchemy2 import Geometry

# revision identifiers, used by Alembic.
revision: str = '0001'
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_geospatial_table('county',
    sa.Column('adcode', sa.String(length=6), nullable=False),
    sa.Column('name_zh', sa.String(), nullable=False),
    sa.Column('name_en', sa.String(), nullable=False),
    sa.Column('geom', Geometry(geometry_type='MULTIPOLYGON', srid=4326, dimension=2, spatial_index=False, from_text='ST_GeomFromEWKT', name='geometry', nullable=False), nullable=False),
    sa.PrimaryKeyConstraint('adcode', name=op.f('county_pkey'))
    )
    op.create_geospatial_index('idx_county_geom', 'county', ['geom'], unique=False, postgresql_using='gist', postgresql_ops={})
    op.create_table('etl_run',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dataset', sa.String(), nullable=False),
    sa.Column('file_name', sa.String(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('rows_read', sa.Integer(), server_default='0', nullable=False),
    sa.Column('rows_loaded', sa.Integer(), server_default='0', nullable=False),
    sa.Column('rows_rejected', sa.Integer(), server_default='0', nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('message', sa.String(), nullable=True),
    sa.CheckConstraint("status IN ('running', 'loaded', 'partial', 'rejected', 'unchanged', 'failed', 'dry_run')", name=op.f('etl_run_status_allowed')),
    sa.PrimaryKeyConstraint('id', name=op.f('etl_run_pkey'))
    )
    op.create_index(op.f('ix_etl_run_sha256'), 'etl_run', ['sha256'], unique=False)
    op.create_table('holiday',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=True),
    sa.CheckConstraint("kind IN ('holiday', 'workday')", name=op.f('holiday_kind_allowed')),
    sa.PrimaryKeyConstraint('day', name=op.f('holiday_pkey'))
    )
    op.create_table('school_term',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('school_term_pkey')),
    sa.UniqueConstraint('name', name=op.f('school_term_name_key'))
    )
    op.create_geospatial_table('police_unit',
    sa.Column('unit_code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('unit_type', sa.String(), nullable=False),
    sa.Column('county_adcode', sa.String(length=6), nullable=False),
    sa.Column('geom', Geometry(geometry_type='POINT', srid=4326, dimension=2, spatial_index=False, from_text='ST_GeomFromEWKT', name='geometry', nullable=False), nullable=False),
    sa.Column('address', sa.String(), nullable=True),
    sa.Column('source_crs', sa.String(), server_default='EPSG:4326', nullable=False),
    sa.Column('etl_run_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['county_adcode'], ['county.adcode'], name=op.f('police_unit_county_adcode_fkey')),
    sa.ForeignKeyConstraint(['etl_run_id'], ['etl_run.id'], name=op.f('police_unit_etl_run_id_fkey')),
    sa.PrimaryKeyConstraint('unit_code', name=op.f('police_unit_pkey'))
    )
    op.create_geospatial_index('idx_police_unit_geom', 'police_unit', ['geom'], unique=False, postgresql_using='gist', postgresql_ops={})
    op.create_index(op.f('ix_police_unit_county_adcode'), 'police_unit', ['county_adcode'], unique=False)
    op.create_geospatial_table('road',
    sa.Column('road_id', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(), nullable=True),
    sa.Column('road_class', sa.String(), nullable=True),
    sa.Column('county_adcode', sa.String(length=6), nullable=True),
    sa.Column('geom', Geometry(geometry_type='MULTILINESTRING', srid=4326, dimension=2, spatial_index=False, from_text='ST_GeomFromEWKT', name='geometry', nullable=False), nullable=False),
    sa.Column('etl_run_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['county_adcode'], ['county.adcode'], name=op.f('road_county_adcode_fkey')),
    sa.ForeignKeyConstraint(['etl_run_id'], ['etl_run.id'], name=op.f('road_etl_run_id_fkey')),
    sa.PrimaryKeyConstraint('road_id', name=op.f('road_pkey'))
    )
    op.create_geospatial_index('idx_road_geom', 'road', ['geom'], unique=False, postgresql_using='gist', postgresql_ops={})
    op.create_geospatial_table('school',
    sa.Column('school_code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('school_type', sa.String(), nullable=False),
    sa.Column('county_adcode', sa.String(length=6), nullable=False),
    sa.Column('geom', Geometry(geometry_type='POINT', srid=4326, dimension=2, spatial_index=False, from_text='ST_GeomFromEWKT', name='geometry', nullable=False), nullable=False),
    sa.Column('gate_geom', Geometry(geometry_type='POINT', srid=4326, dimension=2, spatial_index=False, from_text='ST_GeomFromEWKT', name='geometry', nullable=False), nullable=False),
    sa.Column('township', sa.String(), nullable=True),
    sa.Column('address', sa.String(), nullable=True),
    sa.Column('pupils', sa.Integer(), nullable=True),
    sa.Column('staff', sa.Integer(), nullable=True),
    sa.Column('full_time_guard', sa.Boolean(), nullable=True),
    sa.Column('closed_management', sa.Boolean(), nullable=True),
    sa.Column('alarm_video_linked', sa.Boolean(), nullable=True),
    sa.Column('guard_post', sa.Boolean(), nullable=True),
    sa.Column('source_crs', sa.String(), server_default='EPSG:4326', nullable=False),
    sa.Column('etl_run_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("school_type IN ('幼儿园', '小学', '初中', '高中', '九年一贯制', '完全中学', '特殊教育', '职业学校')", name=op.f('school_school_type_allowed')),
    sa.ForeignKeyConstraint(['county_adcode'], ['county.adcode'], name=op.f('school_county_adcode_fkey')),
    sa.ForeignKeyConstraint(['etl_run_id'], ['etl_run.id'], name=op.f('school_etl_run_id_fkey')),
    sa.PrimaryKeyConstraint('school_code', name=op.f('school_pkey'))
    )
    op.create_geospatial_index('idx_school_gate_geom', 'school', ['gate_geom'], unique=False, postgresql_using='gist', postgresql_ops={})
    op.create_geospatial_index('idx_school_geom', 'school', ['geom'], unique=False, postgresql_using='gist', postgresql_ops={})
    op.create_index(op.f('ix_school_county_adcode'), 'school', ['county_adcode'], unique=False)
    op.create_table('activity',
    sa.Column('activity_id', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('county_adcode', sa.String(length=6), nullable=False),
    sa.Column('school_code', sa.String(length=20), nullable=True),
    sa.Column('officers', sa.Integer(), server_default='0', nullable=False),
    sa.Column('vehicles', sa.Integer(), server_default='0', nullable=False),
    sa.Column('participants', sa.Integer(), server_default='0', nullable=False),
    sa.Column('materials', sa.Integer(), server_default='0', nullable=False),
    sa.Column('note', sa.String(), nullable=True),
    sa.Column('etl_run_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("kind IN ('deployment', 'inspection', 'legal_education', 'drill', 'flyers')", name=op.f('activity_kind_allowed')),
    sa.ForeignKeyConstraint(['county_adcode'], ['county.adcode'], name=op.f('activity_county_adcode_fkey')),
    sa.ForeignKeyConstraint(['etl_run_id'], ['etl_run.id'], name=op.f('activity_etl_run_id_fkey')),
    sa.ForeignKeyConstraint(['school_code'], ['school.school_code'], name=op.f('activity_school_code_fkey')),
    sa.PrimaryKeyConstraint('activity_id', name=op.f('activity_pkey'))
    )
    op.create_index(op.f('ix_activity_county_adcode'), 'activity', ['county_adcode'], unique=False)
    op.create_geospatial_table('hazard',
    sa.Column('hazard_id', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('category', sa.String(), nullable=False),
    sa.Column('description', sa.String(), nullable=True),
    sa.Column('school_code', sa.String(length=20), nullable=True),
    sa.Column('county_adcode', sa.String(length=6), nullable=False),
    sa.Column('found_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('rectified_on', sa.Date(), nullable=True),
    sa.Column('geom', Geometry(geometry_type='POINT', srid=4326, dimension=2, spatial_index=False, from_text='ST_GeomFromEWKT', name='geometry', nullable=False), nullable=False),
    sa.Column('source_crs', sa.String(), server_default='EPSG:4326', nullable=False),
    sa.Column('etl_run_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("kind IN ('campus', 'surrounding')", name=op.f('hazard_kind_allowed')),
    sa.CheckConstraint("status IN ('open', 'deadline', 'rectified')", name=op.f('hazard_status_allowed')),
    sa.ForeignKeyConstraint(['county_adcode'], ['county.adcode'], name=op.f('hazard_county_adcode_fkey')),
    sa.ForeignKeyConstraint(['etl_run_id'], ['etl_run.id'], name=op.f('hazard_etl_run_id_fkey')),
    sa.ForeignKeyConstraint(['school_code'], ['school.school_code'], name=op.f('hazard_school_code_fkey')),
    sa.PrimaryKeyConstraint('hazard_id', name=op.f('hazard_pkey'))
    )
    op.create_geospatial_index('idx_hazard_geom', 'hazard', ['geom'], unique=False, postgresql_using='gist', postgresql_ops={})
    op.create_index(op.f('ix_hazard_county_adcode'), 'hazard', ['county_adcode'], unique=False)
    op.create_table('officer',
    sa.Column('badge_no', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('unit_code', sa.String(length=20), nullable=True),
    sa.Column('phone', sa.String(), nullable=True),
    sa.Column('etl_run_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['etl_run_id'], ['etl_run.id'], name=op.f('officer_etl_run_id_fkey')),
    sa.ForeignKeyConstraint(['unit_code'], ['police_unit.unit_code'], name=op.f('officer_unit_code_fkey')),
    sa.PrimaryKeyConstraint('badge_no', name=op.f('officer_pkey'))
    )
    op.create_geospatial_table('road_work',
    sa.Column('work_id', sa.String(length=40), nullable=False),
    sa.Column('road_id', sa.String(length=40), nullable=True),
    sa.Column('geom', Geometry(geometry_type='MULTILINESTRING', srid=4326, dimension=2, spatial_index=False, from_text='ST_GeomFromEWKT', name='geometry'), nullable=True),
    sa.Column('description', sa.String(), nullable=True),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('finished_on', sa.Date(), nullable=True),
    sa.Column('etl_run_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['etl_run_id'], ['etl_run.id'], name=op.f('road_work_etl_run_id_fkey')),
    sa.ForeignKeyConstraint(['road_id'], ['road.road_id'], name=op.f('road_work_road_id_fkey')),
    sa.PrimaryKeyConstraint('work_id', name=op.f('road_work_pkey'))
    )
    op.create_geospatial_index('idx_road_work_geom', 'road_work', ['geom'], unique=False, postgresql_using='gist', postgresql_ops={})
    op.create_geospatial_table('traffic_sign',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sign_code', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('surveyed_on', sa.Date(), nullable=False),
    sa.Column('road_id', sa.String(length=40), nullable=True),
    sa.Column('geom', Geometry(geometry_type='POINT', srid=4326, dimension=2, spatial_index=False, from_text='ST_GeomFromEWKT', name='geometry', nullable=False), nullable=False),
    sa.Column('source_crs', sa.String(), server_default='EPSG:4326', nullable=False),
    sa.Column('etl_run_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("status IN ('present', 'missing', 'damaged')", name=op.f('traffic_sign_status_allowed')),
    sa.ForeignKeyConstraint(['etl_run_id'], ['etl_run.id'], name=op.f('traffic_sign_etl_run_id_fkey')),
    sa.ForeignKeyConstraint(['road_id'], ['road.road_id'], name=op.f('traffic_sign_road_id_fkey')),
    sa.PrimaryKeyConstraint('id', name=op.f('traffic_sign_pkey')),
    sa.UniqueConstraint('sign_code', 'surveyed_on', name=op.f('traffic_sign_sign_code_surveyed_on_key'))
    )
    op.create_geospatial_index('idx_traffic_sign_geom', 'traffic_sign', ['geom'], unique=False, postgresql_using='gist', postgresql_ops={})
    op.create_table('vehicle',
    sa.Column('vehicle_id', sa.String(length=40), nullable=False),
    sa.Column('plate', sa.String(), nullable=True),
    sa.Column('unit_code', sa.String(length=20), nullable=True),
    sa.Column('auto_registered', sa.Boolean(), server_default=sa.text('false'), nullable=False),
    sa.Column('etl_run_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['etl_run_id'], ['etl_run.id'], name=op.f('vehicle_etl_run_id_fkey')),
    sa.ForeignKeyConstraint(['unit_code'], ['police_unit.unit_code'], name=op.f('vehicle_unit_code_fkey')),
    sa.PrimaryKeyConstraint('vehicle_id', name=op.f('vehicle_pkey'))
    )
    op.create_table('liaison_assignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('school_code', sa.String(length=20), nullable=False),
    sa.Column('badge_no', sa.String(length=20), nullable=False),
    sa.Column('role', sa.String(), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('etl_run_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("role IN ('挂钩民警', '护学岗')", name=op.f('liaison_assignment_role_allowed')),
    sa.ForeignKeyConstraint(['badge_no'], ['officer.badge_no'], name=op.f('liaison_assignment_badge_no_fkey')),
    sa.ForeignKeyConstraint(['etl_run_id'], ['etl_run.id'], name=op.f('liaison_assignment_etl_run_id_fkey')),
    sa.ForeignKeyConstraint(['school_code'], ['school.school_code'], name=op.f('liaison_assignment_school_code_fkey')),
    sa.PrimaryKeyConstraint('id', name=op.f('liaison_assignment_pkey')),
    sa.UniqueConstraint('school_code', 'badge_no', 'role', 'valid_from', name=op.f('liaison_assignment_school_code_badge_no_role_valid_from_key'))
    )
    op.create_index(op.f('ix_liaison_assignment_badge_no'), 'liaison_assignment', ['badge_no'], unique=False)
    op.create_index(op.f('ix_liaison_assignment_school_code'), 'liaison_assignment', ['school_code'], unique=False)
    op.create_geospatial_table('track_point',
    sa.Column('vehicle_id', sa.String(length=40), nullable=False),
    sa.Column('ts', sa.DateTime(timezone=True), nullable=False),
    sa.Column('geom', Geometry(geometry_type='POINT', srid=4326, dimension=2, spatial_index=False, from_text='ST_GeomFromEWKT', name='geometry', nullable=False), nullable=False),
    sa.Column('speed_kmh', sa.REAL(), nullable=True),
    sa.Column('heading', sa.REAL(), nullable=True),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicle.vehicle_id'], name=op.f('track_point_vehicle_id_fkey')),
    sa.PrimaryKeyConstraint('vehicle_id', 'ts', name=op.f('track_point_pkey')),
    postgresql_partition_by='RANGE (ts)'
    )
    op.create_geospatial_index('idx_track_point_geom', 'track_point', ['geom'], unique=False, postgresql_using='gist', postgresql_ops={})
    op.execute("CREATE TABLE track_point_default PARTITION OF track_point DEFAULT")


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_geospatial_index('idx_track_point_geom', table_name='track_point', postgresql_using='gist', column_name='geom')
    op.drop_geospatial_table('track_point')
    op.drop_index(op.f('ix_liaison_assignment_school_code'), table_name='liaison_assignment')
    op.drop_index(op.f('ix_liaison_assignment_badge_no'), table_name='liaison_assignment')
    op.drop_table('liaison_assignment')
    op.drop_table('vehicle')
    op.drop_geospatial_index('idx_traffic_sign_geom', table_name='traffic_sign', postgresql_using='gist', column_name='geom')
    op.drop_geospatial_table('traffic_sign')
    op.drop_geospatial_index('idx_road_work_geom', table_name='road_work', postgresql_using='gist', column_name='geom')
    op.drop_geospatial_table('road_work')
    op.drop_table('officer')
    op.drop_index(op.f('ix_hazard_county_adcode'), table_name='hazard')
    op.drop_geospatial_index('idx_hazard_geom', table_name='hazard', postgresql_using='gist', column_name='geom')
    op.drop_geospatial_table('hazard')
    op.drop_index(op.f('ix_activity_county_adcode'), table_name='activity')
    op.drop_table('activity')
    op.drop_index(op.f('ix_school_county_adcode'), table_name='school')
    op.drop_geospatial_index('idx_school_geom', table_name='school', postgresql_using='gist', column_name='geom')
    op.drop_geospatial_index('idx_school_gate_geom', table_name='school', postgresql_using='gist', column_name='gate_geom')
    op.drop_geospatial_table('school')
    op.drop_geospatial_index('idx_road_geom', table_name='road', postgresql_using='gist', column_name='geom')
    op.drop_geospatial_table('road')
    op.drop_index(op.f('ix_police_unit_county_adcode'), table_name='police_unit')
    op.drop_geospatial_index('idx_police_unit_geom', table_name='police_unit', postgresql_using='gist', column_name='geom')
    op.drop_geospatial_table('police_unit')
    op.drop_table('school_term')
    op.drop_table('holiday')
    op.drop_index(op.f('ix_etl_run_sha256'), table_name='etl_run')
    op.drop_table('etl_run')
    op.drop_geospatial_index('idx_county_geom', table_name='county', postgresql_using='gist', column_name='geom')
    op.drop_geospatial_table('county')
