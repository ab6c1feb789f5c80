package io.depotops.core.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

@Embeddable
public class GroupMemberEmbeddable {

    @Column(name = "member_type")
    public String memberType;

    @Column(name = "member_id")
    public UUID memberId;

    public GroupMemberEmbeddable() {}

    GroupMemberEmbeddable(String memberType, UUID memberId) {
        this.memberType = memberType;
        this.memberId = memberId;
    }
}
