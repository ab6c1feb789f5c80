package io.depotops.core.adapter.out.persistence;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;

@Entity
@Table(name = "resource_group")
public class ResourceGroupEntity extends TenantEntity {

    public String name;

    public String description;

    @ElementCollection
    @CollectionTable(name = "resource_group_member", joinColumns = @JoinColumn(name = "group_id"))
    @BatchSize(size = 100)
    public List<GroupMemberEmbeddable> members = new ArrayList<>();
}
